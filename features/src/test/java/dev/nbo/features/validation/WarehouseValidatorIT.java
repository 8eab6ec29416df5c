package dev.nbo.features.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.nbo.features.testing.FixtureWarehouse;
import dev.nbo.features.testing.QuietProgress;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse with one bad row per rule: each lands in quarantine with its reason, and the rest is kept. */
class WarehouseValidatorIT {
    private static final Timestamp T = ts("2025-03-01T12:00:00Z");
    private static SparkSession spark;
    private static Path out;
    private static DataQualityReport report;

    @BeforeAll
    static void validateADirtyWarehouse(@TempDir Path dir) {
        spark = SparkTestSession.get();
        FixtureWarehouse w = new FixtureWarehouse(spark, dir.resolve("warehouse"));
        w.table(WarehouseTable.CUSTOMERS, List.of(
                customer("c1", T, 1980),
                customer("c1", ts("2025-03-02T00:00:00Z"), 1981),   // duplicate: the later signup goes
                customer("c2", T, 1800),                            // kept, birth year nulled
                customer("bad id", T, 1990),
                customer(null, T, 1990)));
        w.table(WarehouseTable.PRODUCTS, List.of(
                RowFactory.create("P1", "shoe", "running", 10.0),
                RowFactory.create("P1", "shoe again", "running", 10.0),
                RowFactory.create("P2", "no category", " ", 10.0),
                RowFactory.create("P3", "free money", "running", -1.0),
                RowFactory.create("P 4", "bad id", "running", 1.0)));
        w.table(WarehouseTable.OFFERS, List.of(
                offer("o1", "category", "running", 0.1),
                offer("o1", "category", "running", 0.2),
                offer("o2", "category", "zzz", 0.1),
                offer("o3", "category", "running", 1.5),
                offer("o4", "product", "P1", 0.0),
                offer("o5", "brand", "acme", 0.0)));
        w.table(WarehouseTable.ORDERS, List.of(
                RowFactory.create("ord1", "c1", T, "purchase"),
                RowFactory.create("ord1", "c1", ts("2025-03-05T00:00:00Z"), "purchase"),
                RowFactory.create("ord2", "c9", T, "purchase"),
                RowFactory.create("ord3", "c1", T, "refund"),
                RowFactory.create("ord4", "c1", null, "purchase")));
        w.table(WarehouseTable.ORDER_ITEMS, List.of(
                RowFactory.create("ord1", 1, "P1", 2, 10.0),
                RowFactory.create("ord1", 1, "P1", 3, 10.0),
                RowFactory.create("ord1", 2, "P1", -1, 10.0),
                RowFactory.create("ord2", 1, "P1", 1, 10.0),
                RowFactory.create("ord1", 3, "P9", 1, 10.0),
                RowFactory.create("ord1", 4, "P1", 1, -5.0),
                RowFactory.create("ord1", null, "P1", 1, 5.0)));
        w.table(WarehouseTable.EVENTS, List.of(
                event("e1", "c1", T, "page_view", "P1", null, T),
                event("e1", "c1", T, "page_view", "P1", null, ts("2025-03-01T13:00:00Z")),
                event("e2", "c9", T, "page_view", "P1", null, T),
                event("e3", "c1", T, "pageview", "P1", null, T),
                event("e4", "c1", T, "page_view", null, null, T),
                event("e5", "c1", T, "page_view", "P9", null, T),
                event("e6", "c1", T, "email_click", null, "o9", T),
                event("e7", "c1", T, "email_open", null, "o1", ts("2025-03-01T11:00:00Z")),
                event("e8", "c1", T, "email_open", null, "o1", ts("2025-03-04T12:00:00Z")),
                event("e9", "c1", T, "email_sent", null, "o4", null),
                event("e 10", "c1", T, "email_sent", null, null, T),
                event("e11", "c1", null, "email_sent", null, null, T)));
        out = dir.resolve("out");
        report = new WarehouseValidator(new Warehouse(spark, dir.resolve("warehouse").toString()), out.toString(),
                QuietProgress.create()).validate().report();
    }

    @Test
    void customersAreDeduplicatedAndImpossibleBirthYearsNulled() {
        TableReport customers = report.table("customers");
        assertThat(customers.quarantined()).containsOnly(entry("duplicate_customer_id", 1L),
                entry("invalid_customer_id", 2L));
        assertThat(customers.corrected()).containsOnly(entry("birth_year_out_of_range", 1L));
        Map<String, Row> valid = validRows("customers", "customer_id");
        assertThat(valid).containsOnlyKeys("c1", "c2");
        assertThat(valid.get("c1").<Integer>getAs("birth_year")).as("the first signup is kept").isEqualTo(1980);
        assertThat(valid.get("c2").<Object>getAs("birth_year")).isNull();
    }

    @Test
    void productsNeedAnIdACategoryAndAPrice() {
        assertThat(report.table("products").quarantined()).containsOnly(entry("duplicate_product_id", 1L),
                entry("missing_category", 1L), entry("invalid_price", 1L), entry("invalid_product_id", 1L));
        assertThat(validRows("products", "product_id")).containsOnlyKeys("P1");
    }

    @Test
    void offersMustTargetSomethingThatExists() {
        assertThat(report.table("offers").quarantined()).containsOnly(entry("duplicate_offer_id", 1L),
                entry("unknown_target", 1L), entry("invalid_discount", 1L), entry("invalid_target", 1L));
        assertThat(validRows("offers", "offer_id")).containsOnlyKeys("o1", "o4");
    }

    @Test
    void ordersNeedAKnownCustomerATimeAndAType() {
        assertThat(report.table("orders").quarantined()).containsOnly(entry("duplicate_order_id", 1L),
                entry("unknown_customer", 1L), entry("unknown_order_type", 1L), entry("missing_order_time", 1L));
        assertThat(validRows("orders", "order_id")).containsOnlyKeys("ord1");
    }

    @Test
    void orderLinesNeedAValidOrderProductQuantityAndPrice() {
        assertThat(report.table("order_items").quarantined()).containsOnly(entry("duplicate_order_line", 1L),
                entry("non_positive_quantity", 1L), entry("unknown_order", 1L), entry("unknown_product", 1L),
                entry("invalid_unit_price", 1L), entry("missing_line_no", 1L));
        assertThat(spark.read().parquet(out.resolve("validated/order_items").toString()).collectAsList())
                .singleElement().satisfies(row -> assertThat(row.<Integer>getAs("quantity")).isEqualTo(2));
    }

    @Test
    void eventsAreDeduplicatedByIdKeepingTheFirstReceived() {
        TableReport events = report.table("events");
        assertThat(events.quarantined()).containsOnly(entry("duplicate_event_id", 1L), entry("unknown_customer", 1L),
                entry("unknown_event_type", 1L), entry("missing_product", 1L), entry("unknown_product", 1L),
                entry("unknown_offer", 1L), entry("ingested_before_event", 1L), entry("invalid_event_id", 1L),
                entry("missing_event_time", 1L));
        assertThat(events.corrected()).containsOnly(entry("ingested_at_missing", 1L));
        assertThat(events.notes()).containsOnly(entry("late_arriving", 1L));
        Map<String, Row> valid = validRows("events", "event_id");
        assertThat(valid).containsOnlyKeys("e1", "e8", "e9");
        assertThat(valid.get("e1").<Timestamp>getAs("ingested_at")).isEqualTo(T);
        assertThat(valid.get("e9").<Timestamp>getAs("ingested_at")).as("missing ingestion time = event time")
                .isEqualTo(T);
    }

    @Test
    void quarantinedRowsKeepTheirColumnsAndTellTheReason() {
        List<Row> rows = spark.read().parquet(out.resolve("quarantine/events").toString())
                .filter("reason = 'unknown_customer'").collectAsList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("event_id")).isEqualTo("e2");
            assertThat(row.<String>getAs("customer_id")).isEqualTo("c9");
        });
        assertThat(report.table("events").rowsIn()).isEqualTo(12);
        assertThat(report.table("events").rowsValid() + report.table("events").rowsQuarantined()).isEqualTo(12);
    }

    private Map<String, Row> validRows(String table, String key) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : spark.read().parquet(out.resolve("validated/" + table).toString()).collectAsList()) {
            rows.put(row.getAs(key), row);
        }
        return rows;
    }

    private static Row customer(String id, Timestamp signup, int birthYear) {
        return RowFactory.create(id, signup, birthYear, "NYC", "Northeast", "US", List.of(), true);
    }

    private static Row offer(String id, String targetType, String target, double discount) {
        return RowFactory.create(id, targetType, target, 5.0, discount, Date.valueOf("2025-01-01"), null, List.of(),
                "title " + id, null, null, null);
    }

    private static Row event(String id, String customer, Timestamp time, String type, String product, String offer,
                             Timestamp ingested) {
        return RowFactory.create(id, customer, time, type, product, "s1", offer, ingested);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
