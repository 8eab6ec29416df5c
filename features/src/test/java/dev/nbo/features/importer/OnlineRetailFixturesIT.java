package dev.nbo.features.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.features.spark.Progress;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small hand-made exports, one line per rule, in each form an export comes in: original column names in CSV with
 * spreadsheet dates and pandas customer ids (12583.0), "Online Retail II" names in CSV with ISO dates, and Parquet
 * with a real timestamp column. All three must give the same warehouse, written out below row by row.
 */
class OnlineRetailFixturesIT {
    private static final SparkSession SPARK = SparkTestSession.get();

    /** One line of an export; {@code customer} null for none, {@code description} "nan" as pandas writes it. */
    private record Line(String invoice, String stockCode, String description, int quantity, String time, double price,
                        Integer customer, String country, String rule) {
    }

    private static final List<Line> LINES = List.of(
            line("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, "2010-12-01 08:26", 2.55, 17850,
                    "United Kingdom", "purchase"),
            line("536365", "71053", "WHITE METAL LANTERN", 6, "2010-12-01 08:26", 3.39, 17850, "United Kingdom",
                    "purchase"),
            line("536365", "71053", "WHITE METAL LANTERN", 6, "2010-12-01 08:26", 3.39, 17850, "United Kingdom",
                    "duplicate of the line above"),
            line("536366", "22633", "HAND WARMER UNION JACK", 6, "2010-12-01 08:28", 1.85, null, "United Kingdom",
                    "no customer"),
            line("536367", "POST", "POSTAGE", 1, "2010-12-01 08:34", 18.0, 12583, "France", "non-product code"),
            line("536367", "22728", "ALARM CLOCK BAKELIKE PINK", 24, "2010-12-01 08:34", 3.75, 12583, "France",
                    "purchase"),
            line("536368", "22960", "JAM MAKING SET WITH JARS", -10, "2010-12-02 09:00", 4.25, 12583, "France",
                    "adjustment: negative quantity on a purchase invoice"),
            line("C536373", "22728", "ALARM CLOCK BAKELIKE PINK", 1, "2010-12-02 09:30", 3.75, 12583, "France",
                    "adjustment: positive quantity on a cancellation invoice"),
            line("536369", "22961", "JAM MAKING SET PRINTED", 12, "2010-12-02 10:00", 0.0, 12583, "Germany",
                    "zero price"),
            line("C536370", "22728", "ALARM CLOCK BAKELIKE PINK", -2, "2010-12-03 11:00", 3.75, 12583, "France",
                    "cancellation"),
            line("C536370", "84029E", "RED WOOLLY HOTTIE WHITE HEART.", -3, "2010-12-03 11:00", 3.39, 12583,
                    "France", "cancellation of a product never bought here"),
            line("536371", "85123A", "nan", 4, "2010-12-03 12:00", 2.95, 17850, "United Kingdom",
                    "purchase, description missing"),
            line("536372", "85123a", "nan", 1, "2010-12-04 13:15", 2.65, 17850, "United Kingdom",
                    "purchase, description missing, code in lower case"),
            line("536374", "M", "Manual", 1, "2010-12-05 14:00", 5.0, 99999, "Iceland",
                    "non-product code; the customer's only line"));

    private static Line line(String invoice, String code, String description, int quantity, String time, double price,
                             Integer customer, String country, String rule) {
        return new Line(invoice, code, description, quantity, time, price, customer, country, rule);
    }

    @Test
    void originalColumnNamesInCsvGiveTheExpectedWarehouse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Online Retail.csv");
        Files.writeString(file, csv("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                DateTimeFormatter.ofPattern("M/d/yyyy H:mm"), c -> c + ".0"));

        ImportSummary summary = importInto(file, dir.resolve("wh"));

        assertThat(summary.columns()).containsExactly(Map.entry("invoice", "InvoiceNo"),
                Map.entry("stock_code", "StockCode"), Map.entry("description", "Description"),
                Map.entry("quantity", "Quantity"), Map.entry("invoice_date", "InvoiceDate"),
                Map.entry("unit_price", "UnitPrice"), Map.entry("customer_id", "CustomerID"),
                Map.entry("country", "Country"));
        assertExpectedWarehouse(summary, dir.resolve("wh"));
    }

    @Test
    void onlineRetailTwoColumnNamesInCsvGiveTheSameWarehouse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("online_retail_II.csv");
        Files.writeString(file, csv("Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), c -> c));

        ImportSummary summary = importInto(file, dir.resolve("wh"));

        assertThat(summary.columns()).containsEntry("invoice", "Invoice").containsEntry("unit_price", "Price")
                .containsEntry("customer_id", "Customer ID");
        assertExpectedWarehouse(summary, dir.resolve("wh"));
    }

    @Test
    void parquetWithATimestampColumnAndDoubleCustomerIdsGivesTheSameWarehouse(@TempDir Path dir) {
        StructType schema = new StructType().add("InvoiceNo", DataTypes.StringType)
                .add("StockCode", DataTypes.StringType).add("Description", DataTypes.StringType)
                .add("Quantity", DataTypes.LongType).add("InvoiceDate", DataTypes.TimestampType)
                .add("UnitPrice", DataTypes.DoubleType).add("CustomerID", DataTypes.DoubleType)
                .add("Country", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (Line l : LINES) {
            rows.add(RowFactory.create(l.invoice(), l.stockCode(), l.description(), (long) l.quantity(),
                    Timestamp.from(time(l).toInstant(ZoneOffset.UTC)), l.price(),
                    l.customer() == null ? Double.NaN : l.customer().doubleValue(), l.country()));
        }
        String file = dir.resolve("online_retail.parquet").toString();
        SPARK.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(file);

        ImportSummary summary = importInto(Path.of(file), dir.resolve("wh"));

        assertThat(summary.format()).isEqualTo("parquet");
        assertExpectedWarehouse(summary, dir.resolve("wh"));
    }

    private static void assertExpectedWarehouse(ImportSummary summary, Path wh) {
        assertThat(summary.rowsRead()).isEqualTo(LINES.size());
        assertThat(summary.dropped()).containsExactly(Map.entry("missing_customer_id", 1L),
                Map.entry("duplicate_line", 1L), Map.entry("non_product_code", 2L), Map.entry("adjustment", 2L),
                Map.entry("non_positive_unit_price", 1L));
        assertThat(summary.nonProductCodes()).containsExactly(Map.entry("M", 1L), Map.entry("POST", 1L));
        assertThat(summary.rowsKept()).isEqualTo(7);
        assertThat(summary.purchaseLines()).isEqualTo(5);
        assertThat(summary.cancellationLines()).isEqualTo(2);
        assertThat(summary.customers()).isEqualTo(3);
        assertThat(summary.customersWithOrders()).isEqualTo(2);
        assertThat(summary.products()).isEqualTo(4);
        assertThat(summary.productsByCategory()).containsExactly(Map.entry("decor", 1L), Map.entry("lighting", 2L),
                Map.entry("textiles", 1L));
        assertThat(summary.purchaseOrders()).isEqualTo(4);
        assertThat(summary.cancellationOrders()).isEqualTo(1);
        assertThat(summary.orderLines()).isEqualTo(7);
        assertThat(summary.offers()).isEqualTo(3);
        assertThat(summary.firstOrderTime()).hasToString("2010-12-01T08:26:00Z");
        assertThat(summary.lastOrderTime()).hasToString("2010-12-04T13:15:00Z");

        Warehouse warehouse = new Warehouse(SPARK, wh.toString());
        assertThat(TableRows.of(warehouse.read(WarehouseTable.CUSTOMERS))).containsExactly(
                // signup = first line of any kind (the POST line at 08:34);
                // country = the most frequent (France 6 lines, Germany 1)
                "12583 | 2010-12-01T08:34:00Z | null | null | France | France | null | null",
                "17850 | 2010-12-01T08:26:00Z | null | null | United Kingdom | United Kingdom | null | null",
                "99999 | 2010-12-05T14:00:00Z | null | null | Iceland | Iceland | null | null");
        assertThat(TableRows.of(warehouse.read(WarehouseTable.PRODUCTS))).containsExactly(
                "22728 | ALARM CLOCK BAKELIKE PINK | decor | 3.75",
                "71053 | WHITE METAL LANTERN | lighting | 3.39",
                // only ever cancelled: the price of its cancellation line
                "84029E | RED WOOLLY HOTTIE WHITE HEART. | textiles | 3.39",
                // "nan" twice does not beat the one real description; price = median of 2.55, 2.95, 2.65
                "85123A | WHITE HANGING HEART T-LIGHT HOLDER | lighting | 2.65");
        assertThat(TableRows.of(warehouse.read(WarehouseTable.ORDERS))).containsExactly(
                "536365 | 17850 | 2010-12-01T08:26:00Z | purchase",
                "536367 | 12583 | 2010-12-01T08:34:00Z | purchase",
                "536371 | 17850 | 2010-12-03T12:00:00Z | purchase",
                "536372 | 17850 | 2010-12-04T13:15:00Z | purchase",
                "C536370 | 12583 | 2010-12-03T11:00:00Z | cancellation");
        assertThat(TableRows.of(warehouse.read(WarehouseTable.ORDER_ITEMS))).containsExactly(
                "536365 | 1 | 71053 | 6 | 3.39",
                "536365 | 2 | 85123A | 6 | 2.55",
                "536367 | 1 | 22728 | 24 | 3.75",
                "536371 | 1 | 85123A | 4 | 2.95",
                "536372 | 1 | 85123A | 1 | 2.65",
                "C536370 | 1 | 22728 | 2 | 3.75",
                "C536370 | 2 | 84029E | 3 | 3.39");
        assertThat(warehouse.read(WarehouseTable.EVENTS).count()).isZero();
        for (WarehouseTable table : WarehouseTable.values()) {
            assertThat(SPARK.read().parquet(warehouse.path(table)).schema().fields())
                    .as("schema of %s as written", table.tableName())
                    .extracting(f -> f.name() + " " + f.dataType().simpleString())
                    .containsExactlyElementsOf(List.of(table.schema().fields()).stream()
                            .map(f -> f.name() + " " + f.dataType().simpleString()).toList());
        }
        assertOffers(wh, warehouse);
        assertSummaryFile(summary, wh);
    }

    private static void assertOffers(Path wh, Warehouse warehouse) {
        OfferCatalog yaml = OfferCatalog.load(wh.resolve("offers.yaml"));
        OfferCatalog table = OfferTable.read("offers", warehouse.read(WarehouseTable.OFFERS));
        assertThat(yaml.offers()).containsExactlyElementsOf(table.offers());
        // value = median purchase-line amount of the category: decor 24 x 3.75; lighting median of 20.34, 15.30,
        // 11.80, 2.65; textiles has no purchase, so its cancelled amount 3 x 3.39
        assertThat(yaml.offers()).extracting(o -> o.id() + " " + o.target() + " " + o.value() + " " + o.discount()
                        + " " + o.content().priceText())
                .containsExactly("decor-offer category:decor 90.0 0.0 Typically £3.75",
                        "lighting-offer category:lighting 13.55 0.0 Typically £3.02",
                        "textiles-offer category:textiles 10.17 0.0 Typically £3.39");
        Offer lighting = yaml.offers().stream().filter(o -> o.id().value().equals("lighting-offer")).findFirst()
                .orElseThrow();
        assertThat(lighting.content().title()).isEqualTo("Top picks: lighting");
        assertThat(lighting.content().link()).isEqualTo("https://shop.example.com/c/lighting?promo=lighting-offer");
        assertThat(lighting.content().imageUrl()).isEqualTo("https://cdn.example.com/offers/lighting-offer.jpg");
        assertThat(lighting.validFrom()).isNull();
        assertThat(lighting.regions()).isEmpty();
    }

    private static void assertSummaryFile(ImportSummary summary, Path wh) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode written = json.readTree(wh.resolve("import_summary.json").toFile());
            // compared as text: the file reads back small numbers as ints, the summary holds longs
            assertThat(written).hasToString(json.valueToTree(summary.toJson()).toString());
            assertThat(written.get("rows_read").asLong()).isEqualTo(LINES.size());
            assertThat(written.get("orders").asLong()).isEqualTo(5);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ImportSummary importInto(Path file, Path wh) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ImportSummary summary = new OnlineRetailImporter(SPARK, new Progress(new PrintStream(progress, true),
                OnlineRetailImporter.STEPS)).run(file.toString(), wh.toString(), "UTF-8");
        assertThat(progress.toString()).contains("[1/6] reading and checking " + file, "[6/6] counting");
        return summary;
    }

    /** The fixture as CSV, quoting every text (descriptions may hold commas), customer ids through {@code id}. */
    private static String csv(String header, DateTimeFormatter dates, java.util.function.UnaryOperator<String> id) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (Line l : LINES) {
            csv.append(String.join(",", quote(l.invoice()), quote(l.stockCode()), quote(l.description()),
                    String.valueOf(l.quantity()), quote(time(l).format(dates)), String.valueOf(l.price()),
                    l.customer() == null ? "" : id.apply(String.valueOf(l.customer())), quote(l.country())))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static LocalDateTime time(Line line) {
        return LocalDateTime.parse(line.time().replace(' ', 'T'));
    }
}
