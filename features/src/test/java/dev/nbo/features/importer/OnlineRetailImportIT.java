package dev.nbo.features.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.features.spark.Progress;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer on the real UCI Online Retail file. Every figure of the summary is computed again here by plain SQL
 * on the raw file, written differently from the importer (group-by counts instead of window functions, raw columns
 * instead of typed ones), and checked against the value measured once and written in docs/online-retail-import.md.
 */
class OnlineRetailImportIT {
    private static final SparkSession SPARK = SparkTestSession.get();
    private static final String PRODUCT = "'^[0-9]{5}[A-Za-z]*$'";

    @TempDir
    static Path dir;
    private static ImportSummary summary;
    private static Warehouse warehouse;

    @BeforeAll
    static void importTheRealFile() {
        String file = ProjectFiles.onlineRetail().toString();
        summary = new OnlineRetailImporter(SPARK, new Progress(System.out, OnlineRetailImporter.STEPS))
                .run(file, dir.resolve("wh").toString(), "UTF-8");
        warehouse = new Warehouse(SPARK, dir.resolve("wh").toString());
        SPARK.read().parquet(file).createOrReplaceTempView("uci");
        // the lines that pass the first two rules: with a customer, one copy of each distinct line
        SPARK.sql("SELECT DISTINCT * FROM uci WHERE CustomerID IS NOT NULL").createOrReplaceTempView("attributed");
        SPARK.sql("SELECT * FROM attributed WHERE StockCode RLIKE " + PRODUCT
                + " AND (InvoiceNo LIKE 'C%' AND Quantity < 0 OR InvoiceNo NOT LIKE 'C%' AND Quantity > 0)"
                + " AND UnitPrice > 0").createOrReplaceTempView("kept");
    }

    @Test
    void everyLineReadIsCountedOnceInRuleOrder() {
        long read = count("SELECT COUNT(*) FROM uci");
        long noCustomer = count("SELECT COUNT(*) FROM uci WHERE CustomerID IS NULL");
        long duplicates = count("SELECT COUNT(*) FROM uci WHERE CustomerID IS NOT NULL")
                - count("SELECT COUNT(*) FROM attributed");
        long nonProduct = count("SELECT COUNT(*) FROM attributed WHERE NOT StockCode RLIKE " + PRODUCT);
        long adjustments = count("SELECT COUNT(*) FROM attributed WHERE StockCode RLIKE " + PRODUCT
                + " AND (InvoiceNo LIKE 'C%' AND Quantity >= 0 OR InvoiceNo NOT LIKE 'C%' AND Quantity <= 0)");
        long kept = count("SELECT COUNT(*) FROM kept");
        long freeLines = count("SELECT COUNT(*) FROM attributed WHERE StockCode RLIKE " + PRODUCT) - adjustments
                - kept;

        assertThat(read).isEqualTo(summary.rowsRead()).isEqualTo(541_909);
        assertThat(noCustomer).isEqualTo(summary.dropped().get("missing_customer_id")).isEqualTo(135_080);
        assertThat(duplicates).isEqualTo(summary.dropped().get("duplicate_line")).isEqualTo(5_225);
        assertThat(nonProduct).isEqualTo(summary.dropped().get("non_product_code")).isEqualTo(1_915);
        assertThat(adjustments).isEqualTo(summary.dropped().get("adjustment")).isZero();
        assertThat(freeLines).isEqualTo(summary.dropped().get("non_positive_unit_price")).isEqualTo(33);
        assertThat(kept).isEqualTo(summary.rowsKept()).isEqualTo(399_656);
        assertThat(summary.dropped().keySet()).containsExactly("missing_customer_id", "duplicate_line",
                "non_product_code", "adjustment", "non_positive_unit_price");
        assertThat(noCustomer + duplicates + nonProduct + adjustments + freeLines + kept).isEqualTo(read);
    }

    @Test
    void nonProductLinesAreCountedByStockCode() {
        Map<String, Long> byCode = new LinkedHashMap<>();
        SPARK.sql("SELECT upper(StockCode), COUNT(*) n FROM attributed WHERE NOT StockCode RLIKE " + PRODUCT
                        + " GROUP BY 1 ORDER BY n DESC, 1").collectAsList()
                .forEach(r -> byCode.put(r.getString(0), r.getLong(1)));

        assertThat(summary.nonProductCodes()).isEqualTo(byCode).containsExactly(Map.entry("POST", 1_196L),
                Map.entry("M", 460L), Map.entry("C2", 134L), Map.entry("D", 77L), Map.entry("CRUK", 16L),
                Map.entry("DOT", 16L), Map.entry("BANK CHARGES", 12L), Map.entry("PADS", 4L));
    }

    @Test
    void cancellationsAreKeptAsCancellationOrders() {
        assertThat(count("SELECT COUNT(*) FROM kept WHERE InvoiceNo LIKE 'C%'"))
                .isEqualTo(summary.cancellationLines()).isEqualTo(8_506);
        assertThat(count("SELECT COUNT(*) FROM kept WHERE InvoiceNo NOT LIKE 'C%'"))
                .isEqualTo(summary.purchaseLines()).isEqualTo(391_150);
        assertThat(count("SELECT COUNT(DISTINCT InvoiceNo) FROM kept WHERE InvoiceNo LIKE 'C%'"))
                .isEqualTo(summary.cancellationOrders()).isEqualTo(3_383);
        assertThat(count("SELECT COUNT(DISTINCT InvoiceNo) FROM kept WHERE InvoiceNo NOT LIKE 'C%'"))
                .isEqualTo(summary.purchaseOrders()).isEqualTo(18_402);
        Dataset<Row> orders = warehouse.read(WarehouseTable.ORDERS);
        assertThat(orders.filter("order_type = 'cancellation'").count()).isEqualTo(3_383);
        assertThat(orders.filter("order_type = 'cancellation' AND NOT order_id LIKE 'C%'").count()).isZero();
        assertThat(warehouse.read(WarehouseTable.ORDER_ITEMS).filter("quantity <= 0").count()).isZero();
    }

    @Test
    void customersProductsAndOrdersMatchTheRawFile() {
        assertThat(count("SELECT COUNT(DISTINCT CustomerID) FROM uci")).isEqualTo(summary.customers())
                .isEqualTo(warehouse.read(WarehouseTable.CUSTOMERS).count()).isEqualTo(4_372);
        assertThat(count("SELECT COUNT(DISTINCT CustomerID) FROM kept")).isEqualTo(summary.customersWithOrders())
                .isEqualTo(4_362);
        assertThat(count("SELECT COUNT(DISTINCT upper(StockCode)) FROM kept")).isEqualTo(summary.products())
                .isEqualTo(3_676);
        assertThat(count("SELECT COUNT(DISTINCT InvoiceNo) FROM kept")).isEqualTo(summary.orders())
                .isEqualTo(21_785);
        assertThat(warehouse.read(WarehouseTable.ORDER_ITEMS).count()).isEqualTo(summary.orderLines())
                .isEqualTo(399_656);
        assertThat(summary.firstOrderTime()).hasToString("2010-12-01T08:26:00Z");
        assertThat(summary.lastOrderTime()).hasToString("2011-12-09T12:50:00Z");
    }

    @Test
    void aKnownCustomerAndAKnownProductHaveTheirValuesFromTheFile() {
        // customer 12346 ordered once, 74,215 units of one product on 2011-01-18 10:01, and cancelled it
        assertThat(TableRows.of(warehouse.read(WarehouseTable.CUSTOMERS).filter("customer_id = '12346'")))
                .containsExactly("12346 | 2011-01-18T10:01:00Z | null | null | United Kingdom | United Kingdom | null"
                        + " | null");
        assertThat(TableRows.of(warehouse.read(WarehouseTable.ORDERS).filter("customer_id = '12346'")))
                .containsExactly("541431 | 12346 | 2011-01-18T10:01:00Z | purchase",
                        "C541433 | 12346 | 2011-01-18T10:17:00Z | cancellation");
        Row product = warehouse.read(WarehouseTable.PRODUCTS).filter("product_id = '85123A'").first();
        Row expected = SPARK.sql("SELECT percentile(UnitPrice, 0.5) FROM kept WHERE StockCode = '85123A'"
                + " AND InvoiceNo NOT LIKE 'C%'").first();
        assertThat(product.<String>getAs("name")).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(product.<String>getAs("category")).isEqualTo("lighting");
        assertThat(product.<Double>getAs("price")).isEqualTo(Math.round(expected.getDouble(0) * 1e4) / 1e4);
    }

    @Test
    void everyTableReadsBackInTheContractSchema() {
        for (WarehouseTable table : WarehouseTable.values()) {
            Dataset<Row> written = SPARK.read().parquet(warehouse.path(table));
            assertThat(written.schema().fields()).as("columns of %s as written", table.tableName())
                    .extracting(f -> f.name() + " " + f.dataType().simpleString())
                    .containsExactlyElementsOf(java.util.Arrays.stream(table.schema().fields())
                            .map(f -> f.name() + " " + f.dataType().simpleString()).toList());
            assertThat(warehouse.read(table).schema()).isEqualTo(table.schema());
        }
        assertThat(warehouse.read(WarehouseTable.EVENTS).count()).isZero();
    }

    @Test
    void everyProductHasACategoryOfTheTableAndEveryCategoryOneOffer() {
        Dataset<Row> products = warehouse.read(WarehouseTable.PRODUCTS);
        assertThat(products.filter("category IS NULL OR name IS NULL").count()).isZero();
        Map<String, Long> byCategory = products.groupBy("category").count().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(CategoryKeywords.categories()).containsAll(byCategory.keySet());
        assertThat(byCategory).isEqualTo(summary.productsByCategory()).hasSize(15);
        assertThat(byCategory.get("other")).as("products no keyword matched").isLessThan(100);

        OfferCatalog yaml = OfferCatalog.load(dir.resolve("wh/offers.yaml"));
        assertThat(yaml.offers()).containsExactlyElementsOf(
                OfferTable.read("offers", warehouse.read(WarehouseTable.OFFERS)).offers());
        assertThat(yaml.targetedCategories()).containsExactlyInAnyOrderElementsOf(byCategory.keySet());
        assertThat(yaml.offers()).extracting(Offer::discount).containsOnly(0.0);
        Row kitchen = SPARK.sql("SELECT percentile(Quantity * UnitPrice, 0.5) FROM kept JOIN parquet.`"
                + warehouse.path(WarehouseTable.PRODUCTS) + "` p ON upper(StockCode) = p.product_id"
                + " WHERE p.category = 'kitchen' AND InvoiceNo NOT LIKE 'C%'").first();
        assertThat(yaml.offer(dev.nbo.models.id.OfferId.of("kitchen-offer")).orElseThrow().value())
                .isEqualTo(Math.round(kitchen.getDouble(0) * 100) / 100.0);
    }

    private static long count(String sql) {
        return SPARK.sql(sql).first().getLong(0);
    }
}
