package dev.nbo.features.validation;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.nbo.features.spark.Progress;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.warehouse.EventType;
import dev.nbo.models.warehouse.OrderType;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * Validates every warehouse table: rows that break the schema or a business rule go to {@code quarantine/<table>/}
 * with a reason, duplicates by id are dropped (the first kept), the rest is written to {@code validated/<table>/}.
 * Tables are checked in dependency order so that references (an order's customer, an event's product) are
 * checked against rows that are themselves valid. The reasons are documented in {@code features/README.md}.
 */
public final class WarehouseValidator {
    /** An event received more than this after it happened is counted as late-arriving (and kept). */
    static final long LATE_MICROS = 24L * 3600 * 1_000_000;
    /** Clock skew tolerated between a device's event time and our ingestion time. */
    static final long SKEW_MICROS = 5L * 60 * 1_000_000;

    private final Warehouse warehouse;
    private final String outRoot;
    private final Progress progress;

    public WarehouseValidator(Warehouse warehouse, String outRoot, Progress progress) {
        this.warehouse = warehouse;
        this.outRoot = outRoot;
        this.progress = progress;
    }

    public ValidatedWarehouse validate() {
        DataQualityReport report = new DataQualityReport();
        String validated = outRoot + "/validated";
        report.add(run(WarehouseTable.CUSTOMERS, customers(), validated));
        report.add(run(WarehouseTable.PRODUCTS, products(), validated));
        Dataset<Row> customers = read(validated, WarehouseTable.CUSTOMERS);
        Dataset<Row> products = read(validated, WarehouseTable.PRODUCTS);
        report.add(run(WarehouseTable.OFFERS, offers(products), validated));
        report.add(run(WarehouseTable.ORDERS, orders(customers), validated));
        Dataset<Row> orders = read(validated, WarehouseTable.ORDERS);
        report.add(run(WarehouseTable.ORDER_ITEMS, orderItems(orders, products), validated));
        Dataset<Row> offers = read(validated, WarehouseTable.OFFERS);
        report.add(run(WarehouseTable.EVENTS, events(customers, products, offers), validated));
        if (report.table("events").rowsIn() == 0) {
            report.warn("the events table is empty or absent: features read from events will be 0 or missing");
        }
        if (report.table("offers").rowsValid() == 0) {
            report.warn("no valid offer: training pairs need at least one offer");
        }
        return new ValidatedWarehouse(warehouse.root(), validated, read(validated, WarehouseTable.CUSTOMERS).sparkSession(),
                report);
    }

    private TableChecks customers() {
        int thisYear = Year.now().getValue();
        return new TableChecks(warehouse.read(WarehouseTable.CUSTOMERS))
                .rejectInvalidId("invalid_customer_id", "customer_id")
                .rejectDuplicates("duplicate_customer_id", List.of("customer_id"), col("signup_time").asc_nulls_last())
                .correct("birth_year_out_of_range", "birth_year",
                        col("birth_year").lt(1900).or(col("birth_year").gt(thisYear)), lit(null).cast("int"));
    }

    private TableChecks products() {
        return new TableChecks(warehouse.read(WarehouseTable.PRODUCTS))
                .rejectInvalidId("invalid_product_id", "product_id")
                .rejectDuplicates("duplicate_product_id", List.of("product_id"))
                .reject("missing_category", col("category").isNull().or(trim(col("category")).equalTo("")))
                .reject("invalid_price", col("price").isNull().or(col("price").lt(0)).or(col("price").isNaN()));
    }

    private TableChecks offers(Dataset<Row> products) {
        Dataset<Row> categories = products.select(col("category").as("_known_category")).distinct()
                .withColumn("_category_ok", lit(true));
        Dataset<Row> productIds = products.select(col("product_id").as("_known_product"))
                .withColumn("_product_ok", lit(true));
        return new TableChecks(warehouse.read(WarehouseTable.OFFERS))
                .frame(f -> f.join(broadcast(categories), col("target").equalTo(col("_known_category"))
                                .and(col("target_type").equalTo("category")), "left")
                        .join(broadcast(productIds), col("target").equalTo(col("_known_product"))
                                .and(col("target_type").equalTo("product")), "left"))
                .rejectInvalidId("invalid_offer_id", "offer_id")
                .rejectDuplicates("duplicate_offer_id", List.of("offer_id"))
                .reject("invalid_target", col("target").isNull().or(col("target_type").isin("category", "product")
                        .unary_$bang()).or(col("target_type").isNull()))
                .reject("unknown_target", col("_category_ok").isNull().and(col("_product_ok").isNull()))
                .reject("invalid_value", col("value").isNull().or(col("value").lt(0)).or(col("value").isNaN()))
                .correct("discount_missing", "discount", col("discount").isNull(), lit(0.0))
                .reject("invalid_discount", col("discount").lt(0).or(col("discount").geq(1)))
                .reject("invalid_validity", col("valid_to").lt(col("valid_from")))
                .reject("missing_title", col("title").isNull().or(trim(col("title")).equalTo("")));
    }

    private TableChecks orders(Dataset<Row> customers) {
        String[] types = Arrays.stream(OrderType.values()).map(OrderType::wireName).toArray(String[]::new);
        return new TableChecks(warehouse.read(WarehouseTable.ORDERS))
                .frame(f -> f.join(known(customers, "customer_id"), col("customer_id").equalTo(col("_k")), "left"))
                .rejectInvalidId("invalid_order_id", "order_id")
                .rejectDuplicates("duplicate_order_id", List.of("order_id"), col("order_time").asc_nulls_last())
                .rejectInvalidId("invalid_customer_id", "customer_id")
                .reject("unknown_customer", col("_known").isNull())
                .reject("missing_order_time", col("order_time").isNull())
                .reject("unknown_order_type", col("order_type").isNull().or(col("order_type").isin((Object[]) types)
                        .unary_$bang()));
    }

    private TableChecks orderItems(Dataset<Row> orders, Dataset<Row> products) {
        return new TableChecks(warehouse.read(WarehouseTable.ORDER_ITEMS))
                .frame(f -> f.join(known(orders, "order_id"), col("order_id").equalTo(col("_k")), "left")
                        .withColumnRenamed("_known", "_known_order").drop("_k")
                        .join(broadcast(known(products, "product_id")), col("product_id").equalTo(col("_k")), "left")
                        .withColumnRenamed("_known", "_known_product").drop("_k"))
                .reject("unknown_order", col("_known_order").isNull())
                .reject("missing_line_no", col("line_no").isNull())
                .rejectDuplicates("duplicate_order_line", List.of("order_id", "line_no"))
                .reject("unknown_product", col("_known_product").isNull())
                .reject("non_positive_quantity", col("quantity").isNull().or(col("quantity").leq(0)))
                .reject("invalid_unit_price", col("unit_price").isNull().or(col("unit_price").lt(0))
                        .or(col("unit_price").isNaN()));
    }

    private TableChecks events(Dataset<Row> customers, Dataset<Row> products, Dataset<Row> offers) {
        String[] types = Arrays.stream(EventType.values()).map(EventType::wireName).toArray(String[]::new);
        String[] productEvents = {EventType.PAGE_VIEW.wireName(), EventType.ADD_TO_CART.wireName(),
                EventType.REMOVE_FROM_CART.wireName()};
        Column eventMicros = expr("unix_micros(event_time)");
        Column ingestMicros = expr("unix_micros(ingested_at)");
        return new TableChecks(warehouse.read(WarehouseTable.EVENTS))
                .frame(f -> f.join(known(customers, "customer_id"), col("customer_id").equalTo(col("_k")), "left")
                        .withColumnRenamed("_known", "_known_customer").drop("_k")
                        .join(broadcast(known(products, "product_id")), col("product_id").equalTo(col("_k")), "left")
                        .withColumnRenamed("_known", "_known_product").drop("_k")
                        .join(broadcast(known(offers, "offer_id")), col("offer_id").equalTo(col("_k")), "left")
                        .withColumnRenamed("_known", "_known_offer").drop("_k"))
                .correct("ingested_at_missing", "ingested_at", col("ingested_at").isNull()
                        .and(col("event_time").isNotNull()), col("event_time"))
                .rejectInvalidId("invalid_event_id", "event_id")
                .rejectDuplicates("duplicate_event_id", List.of("event_id"), col("ingested_at").asc_nulls_last(),
                        col("event_time").asc_nulls_last())
                .rejectInvalidId("invalid_customer_id", "customer_id")
                .reject("unknown_customer", col("_known_customer").isNull())
                .reject("missing_event_time", col("event_time").isNull())
                .reject("unknown_event_type", col("event_type").isNull().or(col("event_type").isin((Object[]) types)
                        .unary_$bang()))
                .reject("missing_product", col("product_id").isNull().and(col("event_type").isin((Object[]) productEvents)))
                .reject("unknown_product", col("product_id").isNotNull().and(col("_known_product").isNull()))
                .reject("unknown_offer", col("offer_id").isNotNull().and(col("_known_offer").isNull()))
                .reject("ingested_before_event", ingestMicros.lt(eventMicros.minus(SKEW_MICROS)))
                .note("late_arriving", ingestMicros.gt(eventMicros.plus(LATE_MICROS)));
    }

    /** The distinct valid keys of a reference table, as {@code _k} with a {@code _known} flag, for left joins. */
    private static Dataset<Row> known(Dataset<Row> reference, String key) {
        return reference.select(col(key).as("_k")).distinct().withColumn("_known", lit(true));
    }

    private Dataset<Row> read(String root, WarehouseTable table) {
        return warehouse.read(table).sparkSession().read().parquet(root + "/" + table.tableName());
    }

    private TableReport run(WarehouseTable table, TableChecks checks, String validatedRoot) {
        progress.step("validating " + table.tableName());
        Dataset<Row> checked = checks.checked().persist(StorageLevel.DISK_ONLY());
        try {
            List<Column> aggregates = new ArrayList<>();
            aggregates.add(count(lit(1)).as("_rows"));
            for (String fix : checks.corrections()) {
                aggregates.add(sum(when(col("_fix_" + fix), 1).otherwise(0)).as("_fix_" + fix));
            }
            for (String note : checks.notes()) {
                aggregates.add(sum(when(col("_note_" + note), 1).otherwise(0)).as("_note_" + note));
            }
            List<Row> counts = checked.groupBy(col(TableChecks.REASON))
                    .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                    .collectAsList();
            long rowsIn = 0;
            long valid = 0;
            Map<String, Long> quarantined = new LinkedHashMap<>();
            Map<String, Long> corrected = new LinkedHashMap<>();
            Map<String, Long> notes = new LinkedHashMap<>();
            for (String reason : checks.reasons()) {
                quarantined.put(reason, 0L);
            }
            for (Row row : counts) {
                long rows = row.getLong(row.fieldIndex("_rows"));
                rowsIn += rows;
                String reason = row.getString(row.fieldIndex(TableChecks.REASON));
                if (reason != null) {
                    quarantined.merge(reason, rows, Long::sum);
                    continue;
                }
                valid += rows;
                for (String fix : checks.corrections()) {
                    corrected.put(fix, row.getLong(row.fieldIndex("_fix_" + fix)));
                }
                for (String note : checks.notes()) {
                    notes.put(note, row.getLong(row.fieldIndex("_note_" + note)));
                }
            }
            quarantined.values().removeIf(n -> n == 0);
            Column[] columns = table.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
            checked.filter(col(TableChecks.REASON).isNull()).select(columns)
                    .write().mode(SaveMode.Overwrite).parquet(validatedRoot + "/" + table.tableName());
            List<Column> quarantineColumns = new ArrayList<>(List.of(columns));
            quarantineColumns.add(col(TableChecks.REASON));
            checked.filter(col(TableChecks.REASON).isNotNull()).select(quarantineColumns.toArray(Column[]::new))
                    .write().mode(SaveMode.Overwrite).parquet(outRoot + "/quarantine/" + table.tableName());
            progress.detail("%s: %,d rows in, %,d valid, %,d quarantined", table.tableName(), rowsIn, valid,
                    rowsIn - valid);
            return new TableReport(table.tableName(), rowsIn, valid, quarantined, corrected, notes);
        } finally {
            checked.unpersist();
        }
    }
}
