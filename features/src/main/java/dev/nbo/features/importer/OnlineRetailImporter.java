package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.nbo.features.pipeline.OutputFiles;
import dev.nbo.features.spark.Progress;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.warehouse.OrderType;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Imports a UCI Online Retail export into a warehouse folder: reads and checks the file, classifies every line
 * ({@link LineRules}), writes the six warehouse tables (events empty: the data set has none), {@code offers.yaml}
 * and {@code import_summary.json}. Each output replaces what the folder held under its name; other files in the
 * folder are left alone. The summary's table figures are counted on the tables as written.
 */
public final class OnlineRetailImporter {
    public static final int STEPS = 6;
    public static final String SUMMARY_FILE = "import_summary.json";
    public static final String OFFERS_FILE = "offers.yaml";

    private final SparkSession spark;
    private final Progress progress;

    public OnlineRetailImporter(SparkSession spark, Progress progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /**
     * Refuses an input whose format cannot be told from its name, before anything starts (a Spark session takes
     * seconds to start).
     */
    public static void checkFormat(String input) {
        InputFormat.of(input);
    }

    /**
     * Imports {@code input} ({@code .parquet}, {@code .csv} or {@code .csv.gz}) into the warehouse folder {@code out}.
     *
     * @param csvEncoding the character set of a CSV file, e.g. {@code UTF-8} or {@code ISO-8859-1}
     * @throws IllegalArgumentException when the file is absent, of an unknown format, or has unreadable values
     */
    public ImportSummary run(String input, String out, String csvEncoding) {
        String root = out.replaceAll("/+$", "");
        progress.step("reading and checking " + input);
        OnlineRetailReader.Lines lines = OnlineRetailReader.read(spark, input, csvEncoding);

        progress.step("applying the line rules");
        Dataset<Row> classified = LineRules.classify(lines.rows()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<LineOutcome, Long> outcomes = outcomes(classified);
            Map<String, Long> nonProductCodes = nonProductCodes(classified);
            progress.detail("%,d lines: %,d kept, %,d dropped", total(outcomes),
                    outcomes.get(LineOutcome.PURCHASE) + outcomes.get(LineOutcome.CANCELLATION),
                    total(outcomes) - outcomes.get(LineOutcome.PURCHASE) - outcomes.get(LineOutcome.CANCELLATION));
            Dataset<Row> kept = classified.filter(col(LineRules.OUTCOME).isin(LineOutcome.PURCHASE.wireName(),
                    LineOutcome.CANCELLATION.wireName()));

            progress.step("writing customers and products");
            write(root, WarehouseTable.CUSTOMERS, ImportedTables.customers(classified).coalesce(1));
            write(root, WarehouseTable.PRODUCTS, ImportedTables.products(kept).coalesce(1));

            progress.step("writing orders and order_items");
            write(root, WarehouseTable.ORDERS, ImportedTables.orders(kept));
            write(root, WarehouseTable.ORDER_ITEMS, ImportedTables.orderItems(kept));

            progress.step("writing events (empty) and offers");
            write(root, WarehouseTable.EVENTS, spark.createDataFrame(List.of(), WarehouseTable.EVENTS.schema()));
            OfferCatalog offers = CategoryOffers.build(root + "/" + OFFERS_FILE, kept, table(root,
                    WarehouseTable.PRODUCTS));
            OfferTable.write(spark, offers, root);
            OutputFiles.writeText(spark, root + "/" + OFFERS_FILE, OffersYaml.render(offers, List.of(
                    "Offers of the warehouse imported from " + input + " by ./nbo import online-retail:",
                    "one per product category; value = median amount of the category's purchase lines.",
                    "Generated: edit a copy, not this file (the next import replaces it).",
                    "Format: docs/offers-yaml.md")));

            progress.step("counting and writing " + SUMMARY_FILE);
            ImportSummary summary = summary(lines, outcomes, nonProductCodes, root, offers.size());
            OutputFiles.writeJson(spark, root + "/" + SUMMARY_FILE, summary.toJson());
            return summary;
        } finally {
            classified.unpersist();
        }
    }

    private void write(String root, WarehouseTable table, Dataset<Row> rows) {
        rows.write().mode(SaveMode.Overwrite).parquet(root + "/" + table.tableName());
    }

    private Dataset<Row> table(String root, WarehouseTable table) {
        return spark.read().parquet(root + "/" + table.tableName());
    }

    private static Map<LineOutcome, Long> outcomes(Dataset<Row> classified) {
        Map<LineOutcome, Long> counts = new EnumMap<>(LineOutcome.class);
        for (LineOutcome outcome : LineOutcome.values()) {
            counts.put(outcome, 0L);
        }
        for (Row row : classified.groupBy(col(LineRules.OUTCOME)).count().collectAsList()) {
            counts.put(LineOutcome.valueOf(row.getString(0).toUpperCase(Locale.ROOT)), row.getLong(1));
        }
        return counts;
    }

    private static Map<String, Long> nonProductCodes(Dataset<Row> classified) {
        Map<String, Long> codes = new LinkedHashMap<>();
        classified.filter(col(LineRules.OUTCOME).equalTo(LineOutcome.NON_PRODUCT_CODE.wireName()))
                .groupBy(col(OnlineRetailReader.STOCK_CODE)).count()
                .orderBy(col("count").desc(), col(OnlineRetailReader.STOCK_CODE))
                .collectAsList()
                .forEach(row -> codes.put(row.getString(0), row.getLong(1)));
        return codes;
    }

    private ImportSummary summary(OnlineRetailReader.Lines lines, Map<LineOutcome, Long> outcomes,
                                  Map<String, Long> nonProductCodes, String root, int offers) {
        Map<String, Long> dropped = new LinkedHashMap<>();
        LineOutcome.dropReasons().forEach(reason -> dropped.put(reason.wireName(), outcomes.get(reason)));
        Map<String, String> columns = new LinkedHashMap<>();
        lines.columns().forEach((ours, theirs) -> columns.put(ours.name().toLowerCase(Locale.ROOT), theirs));

        Dataset<Row> orders = table(root, WarehouseTable.ORDERS);
        Row orderFigures = orders.agg(
                count(when(col("order_type").equalTo(OrderType.PURCHASE.wireName()), 1)),
                count(when(col("order_type")
                        .equalTo(OrderType.CANCELLATION.wireName()), 1)),
                countDistinct(col("customer_id")), min("order_time"), max("order_time")).first();
        Map<String, Long> byCategory = new LinkedHashMap<>();
        table(root, WarehouseTable.PRODUCTS).groupBy("category").count().orderBy("category").collectAsList()
                .forEach(row -> byCategory.put(row.getString(0), row.getLong(1)));
        long products = byCategory.values().stream().mapToLong(Long::longValue).sum();
        Timestamp first = orderFigures.getTimestamp(3);
        Timestamp last = orderFigures.getTimestamp(4);
        return new ImportSummary(lines.path(), lines.format().wireName(), columns, total(outcomes), dropped,
                nonProductCodes, outcomes.get(LineOutcome.PURCHASE) + outcomes.get(LineOutcome.CANCELLATION),
                outcomes.get(LineOutcome.PURCHASE), outcomes.get(LineOutcome.CANCELLATION),
                table(root, WarehouseTable.CUSTOMERS).count(), orderFigures.getLong(2), products, byCategory,
                orderFigures.getLong(0), orderFigures.getLong(1), table(root, WarehouseTable.ORDER_ITEMS).count(),
                offers, first == null ? null : first.toInstant(), last == null ? null : last.toInstant());
    }

    private static long total(Map<LineOutcome, Long> outcomes) {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }
}
