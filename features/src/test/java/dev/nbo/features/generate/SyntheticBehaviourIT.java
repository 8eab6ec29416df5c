package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a model must be able to learn and a rule must be able to target, measured with Spark on 4,000 customers over
 * 120 days (March to June): each margin is at least twice the sampling noise at this size.
 */
class SyntheticBehaviourIT {
    private static final int CUSTOMERS = 4000;
    private static final int DAYS = 120;
    private static final LocalDate START = LocalDate.of(2025, 3, 1);
    private static final String FIRST_AS_OF = "2025-03-15";
    private static final String LAST_AS_OF = "2025-06-14";

    @TempDir
    static Path temp;
    private static SparkSession spark;
    private static GenerationReport report;

    @BeforeAll
    static void generate() {
        spark = SparkTestSession.get();
        Path warehouse = temp.resolve("wh");
        report = new WarehouseGenerator(new PrintStream(OutputStream.nullOutputStream())).generate(
                new GenerationSettings(CUSTOMERS, DAYS, 42, START, Worlds.offersFile(), warehouse, 2));
        Warehouse tables = new Warehouse(spark, warehouse.toString());
        for (WarehouseTable table : WarehouseTable.values()) {
            tables.read(table).createOrReplaceTempView("synth_" + table.tableName());
        }
        spark.sql("""
                SELECT o.customer_id, o.order_time, o.order_type, i.product_id, i.quantity, p.category
                FROM synth_orders o JOIN synth_order_items i USING (order_id) JOIN synth_products p USING (product_id)
                WHERE o.order_type = 'purchase' AND i.quantity > 0""").createOrReplaceTempView("synth_bought");
        // As-of dates t every 7 days from FIRST_AS_OF; a row before t falls in the week [t - 7d, t) of exactly one t,
        // a row after it in [t, t + 7d): bucketing by day number replaces a range join
        spark.sql("SELECT explode(sequence(DATE'%s', DATE'%s', INTERVAL 7 DAYS)) AS t".formatted(FIRST_AS_OF,
                LAST_AS_OF)).createOrReplaceTempView("synth_as_of");
        spark.sql("""
                SELECT DISTINCT date_add(DATE'%s', 7 * CAST(floor(datediff(to_date(order_time), DATE'%s') / 7) AS INT))
                       AS t, customer_id, category
                FROM synth_bought""".formatted(FIRST_AS_OF, FIRST_AS_OF))
                .join(spark.table("synth_as_of"), "t").createOrReplaceTempView("synth_buys_next_week");
    }

    /**
     * The distinct {@code columns} of {@code query}'s rows with the as-of date {@code t} whose previous week holds
     * their {@code event_time}.
     */
    private static String weekBefore(String columns, String query) {
        return """
                SELECT DISTINCT t, %s FROM (
                    SELECT date_add(DATE'%s', 7 * CAST(floor(datediff(to_date(r.event_time), DATE'%s') / 7) + 1 AS INT))
                           AS t, r.* FROM (%s) r)
                JOIN synth_as_of USING (t)""".formatted(columns, FIRST_AS_OF, FIRST_AS_OF, query);
    }

    @Test
    void customersWhoAddedToCartInACategoryBuyItInTheNextWeekFarMoreOften() {
        spark.sql(weekBefore("customer_id, category", """
                SELECT e.event_time, e.customer_id, p.category FROM synth_events e JOIN synth_products p USING (product_id)
                WHERE e.event_type = 'add_to_cart'""")).createOrReplaceTempView("synth_carts");
        Row row = spark.sql("""
                SELECT count(*) AS carts, count(b.t) AS carts_bought,
                       (SELECT count(*) FROM synth_buys_next_week) AS buys,
                       (SELECT count(*) FROM synth_as_of) * %d * 12 AS cells
                FROM synth_carts c LEFT JOIN synth_buys_next_week b USING (t, customer_id, category)"""
                .formatted(CUSTOMERS)).first();
        long carts = row.getLong(0);
        long cartsBought = row.getLong(1);
        long buys = row.getLong(2);
        long cells = row.getLong(3);
        double withCart = (double) cartsBought / carts;
        double withoutCart = (double) (buys - cartsBought) / (cells - carts);
        assertThat(carts).isGreaterThan(1000);
        assertThat(withCart).isGreaterThan(0.05);
        assertThat(withCart).isGreaterThan(10 * withoutCart);
    }

    @Test
    void emailClicksPredictPurchasesOfTheOffersCategory() {
        spark.sql(weekBefore("customer_id, event_type, category", """
                SELECT e.event_time, e.customer_id, e.event_type,
                       CASE WHEN o.target_type = 'category' THEN o.target ELSE p.category END AS category
                FROM synth_events e JOIN synth_offers o USING (offer_id)
                LEFT JOIN synth_products p ON o.target_type = 'product' AND p.product_id = o.target
                WHERE e.event_type IN ('email_sent', 'email_click')""")).createOrReplaceTempView("synth_emails");
        Row row = spark.sql("""
                WITH emailed AS (
                    SELECT t, customer_id, category, max(IF(event_type = 'email_click', 1, 0)) AS clicked
                    FROM synth_emails GROUP BY t, customer_id, category)
                SELECT avg(CASE WHEN clicked = 1 THEN IF(b.t IS NULL, 0D, 1D) END),
                       avg(CASE WHEN clicked = 0 THEN IF(b.t IS NULL, 0D, 1D) END),
                       CAST(sum(clicked) AS BIGINT)
                FROM emailed e LEFT JOIN synth_buys_next_week b USING (t, customer_id, category)""").first();
        double clicked = row.getDouble(0);
        double notClicked = row.getDouble(1);
        assertThat(row.getLong(2)).isGreaterThan(300);
        assertThat(clicked).isGreaterThan(4 * notClicked);
    }

    @Test
    void miamiCustomersBuySwimmingAndGolfMoreThanDenverCustomers() {
        Row row = spark.sql("""
                SELECT avg(CASE WHEN c.city = 'Miami' THEN IF(b.category IN ('swimming', 'golf'), 1D, 0D) END),
                       avg(CASE WHEN c.city = 'Denver' THEN IF(b.category IN ('swimming', 'golf'), 1D, 0D) END),
                       avg(CASE WHEN c.city = 'Miami' THEN IF(b.category = 'outdoor', 1D, 0D) END),
                       avg(CASE WHEN c.city = 'Denver' THEN IF(b.category = 'outdoor', 1D, 0D) END)
                FROM synth_bought b JOIN (SELECT DISTINCT customer_id, city FROM synth_customers) c
                USING (customer_id)""").first();
        double miamiSwimGolf = row.getDouble(0);
        double denverSwimGolf = row.getDouble(1);
        assertThat(miamiSwimGolf).isGreaterThan(1.8 * denverSwimGolf).isGreaterThan(0.15);
        assertThat(row.getDouble(3)).isGreaterThan(2 * row.getDouble(2));
    }

    @Test
    void golfBuyersAreOlderAndYogaBuyersYounger() {
        Row row = spark.sql("""
                SELECT avg(CASE WHEN b.category = 'golf' THEN 2025 - c.birth_year END),
                       avg(CASE WHEN b.category = 'yoga' THEN 2025 - c.birth_year END),
                       avg(2025 - c.birth_year)
                FROM synth_bought b JOIN (SELECT customer_id, min(birth_year) AS birth_year FROM synth_customers
                WHERE birth_year > 1900 GROUP BY customer_id) c USING (customer_id)""").first();
        double golf = row.getDouble(0);
        double yoga = row.getDouble(1);
        double all = row.getDouble(2);
        assertThat(golf).isGreaterThan(all + 3);
        assertThat(yoga).isLessThan(all - 2);
    }

    @Test
    void everyKindOfDirtIsInTheTables() {
        Row events = spark.sql("""
                SELECT count(*) - count(DISTINCT event_id),
                       count(CASE WHEN unix_micros(ingested_at) - unix_micros(event_time) > 3600000000 THEN 1 END),
                       count(CASE WHEN ingested_at < event_time - INTERVAL 5 MINUTES THEN 1 END),
                       count(CASE WHEN event_type NOT IN ('page_view', 'add_to_cart', 'remove_from_cart',
                           'checkout_start', 'email_sent', 'email_open', 'email_click', 'unsubscribe') THEN 1 END),
                       count(CASE WHEN event_type = 'page_view' AND e.product_id IS NULL THEN 1 END),
                       count(CASE WHEN e.product_id IS NOT NULL AND p.product_id IS NULL THEN 1 END),
                       count(CASE WHEN e.offer_id IS NOT NULL AND o.offer_id IS NULL THEN 1 END),
                       count(CASE WHEN c.customer_id IS NULL THEN 1 END)
                FROM synth_events e
                LEFT JOIN synth_products p ON p.product_id = e.product_id
                LEFT JOIN synth_offers o ON o.offer_id = e.offer_id
                LEFT JOIN (SELECT DISTINCT customer_id FROM synth_customers) c ON c.customer_id = e.customer_id""")
                .first();
        for (int i = 0; i < events.length(); i++) {
            assertThat(events.getLong(i)).as("event dirt column %d", i).isPositive();
        }
        Row customers = spark.sql("""
                SELECT count(*) - count(DISTINCT customer_id), count(CASE WHEN birth_year = 1800 THEN 1 END)
                FROM synth_customers""").first();
        assertThat(customers.getLong(0)).isEqualTo(report.dirt().count(DirtKind.DUPLICATE_CUSTOMER)).isPositive();
        assertThat(customers.getLong(1)).isEqualTo(report.dirt().count(DirtKind.IMPOSSIBLE_BIRTH_YEAR)).isPositive();
        long negative = spark.sql("SELECT count(*) FROM synth_order_items WHERE quantity < 0").first().getLong(0);
        assertThat(negative).isEqualTo(report.dirt().count(DirtKind.NEGATIVE_QUANTITY)).isPositive();
    }
}
