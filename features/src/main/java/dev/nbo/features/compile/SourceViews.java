package dev.nbo.features.compile;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import dev.nbo.features.validation.ValidatedWarehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.feature.Source;
import dev.nbo.models.feature.Window;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The logical sources features read ({@link Source}), built from validated warehouse tables with the columns the
 * compiler relies on: {@code row_key}, {@code customer_id}, {@code time_us} and {@code ingest_us} (epoch
 * microseconds), {@code day} (UTC epoch day), and the source's own columns. Serving builds the same rows with
 * {@code SourceRow.event} and {@code SourceRow.orderLine}.
 */
public final class SourceViews {
    private final ValidatedWarehouse warehouse;
    private final OfferCatalog offers;

    public SourceViews(ValidatedWarehouse warehouse, OfferCatalog offers) {
        this.warehouse = warehouse;
        this.offers = offers;
    }

    public SparkSession spark() {
        return warehouse.spark();
    }

    public OfferCatalog offers() {
        return offers;
    }

    /** Rows of a behavioural source. */
    public Dataset<Row> rows(Source source) {
        return switch (source) {
            case EVENTS -> events();
            case ORDER_ITEMS -> orderLines();
            default -> throw new IllegalArgumentException(source.wireName() + " is not a behavioural source");
        };
    }

    /** Events with their product's category. */
    public Dataset<Row> events() {
        Dataset<Row> categories = warehouse.table(WarehouseTable.PRODUCTS)
                .select(col("product_id").as("_p"), col("category"));
        return warehouse.table(WarehouseTable.EVENTS)
                .join(broadcast(categories), col("product_id").equalTo(col("_p")), "left")
                .select(col("event_id").as("row_key"), col("customer_id"),
                        expr("unix_micros(event_time)").as("time_us"),
                        expr("unix_micros(ingested_at)").as("ingest_us"),
                        day(expr("unix_micros(event_time)")).as("day"),
                        col("event_id"), col("event_type"), col("product_id"), col("category"), col("session_id"),
                        col("offer_id"));
    }

    /** Order lines with their order's customer, time and type, their product's category, and the amount. */
    public Dataset<Row> orderLines() {
        Dataset<Row> orders = warehouse.table(WarehouseTable.ORDERS)
                .select(col("order_id").as("_o"), col("customer_id"), col("order_time"), col("order_type"));
        Dataset<Row> categories = warehouse.table(WarehouseTable.PRODUCTS)
                .select(col("product_id").as("_p"), col("category"));
        return warehouse.table(WarehouseTable.ORDER_ITEMS)
                .join(orders, col("order_id").equalTo(col("_o")))
                .join(broadcast(categories), col("product_id").equalTo(col("_p")), "left")
                .select(concat(col("order_id"), lit("#"), col("line_no").cast("string")).as("row_key"),
                        col("customer_id"),
                        expr("unix_micros(order_time)").as("time_us"),
                        expr("unix_micros(order_time)").as("ingest_us"),
                        day(expr("unix_micros(order_time)")).as("day"),
                        col("order_id"), col("line_no").cast("long").as("line_no"), col("order_type"),
                        col("product_id"), col("category"), col("quantity").cast("long").as("quantity"),
                        col("unit_price"),
                        col("quantity").cast("double").multiply(col("unit_price")).as("amount"));
    }

    /** Valid customers with signup time in microseconds. */
    public Dataset<Row> customers() {
        return warehouse.table(WarehouseTable.CUSTOMERS)
                .withColumn("signup_us", expr("unix_micros(signup_time)"));
    }

    public Dataset<Row> products() {
        return warehouse.table(WarehouseTable.PRODUCTS);
    }

    /**
     * One row per offer of the catalog with what the pipeline needs: target, regions, validity and the offer's
     * category (its target category, or its target product's category).
     */
    public Dataset<Row> offerTable() {
        StructType schema = new StructType()
                .add("offer_id", DataTypes.StringType)
                .add("target_type", DataTypes.StringType)
                .add("target", DataTypes.StringType)
                .add("value", DataTypes.DoubleType)
                .add("discount", DataTypes.DoubleType)
                .add("valid_from", DataTypes.DateType)
                .add("valid_to", DataTypes.DateType)
                .add("regions", DataTypes.createArrayType(DataTypes.StringType));
        List<Row> rows = new ArrayList<>();
        for (Offer offer : offers.offers()) {
            rows.add(RowFactory.create(offer.id().value(), offer.target().kind().wireName(), offer.target().value(),
                    offer.value(), offer.discount(),
                    offer.validFrom() == null ? null : Date.valueOf(offer.validFrom()),
                    offer.validTo() == null ? null : Date.valueOf(offer.validTo()),
                    new ArrayList<>(new java.util.TreeSet<>(offer.regions()))));
        }
        Dataset<Row> table = spark().createDataFrame(rows, schema);
        Dataset<Row> productCategories = products().select(col("product_id").as("_p"), col("category").as("_pc"));
        return table.join(broadcast(productCategories), col("target_type").equalTo("product")
                        .and(col("target").equalTo(col("_p"))), "left")
                .withColumn("offer_category", expr("CASE WHEN target_type = 'category' THEN target ELSE _pc END"))
                .drop("_p", "_pc");
    }

    /**
     * Links rows to offers, adding {@code offer_id}: a row naming an offer is linked to it alone; any other row to
     * every offer targeting its product or its category (the rule of {@code OfferCatalog.linkedOffers}).
     */
    public Dataset<Row> linkToOffers(Dataset<Row> rows) {
        Dataset<Row> targets = broadcast(offerTable().select(col("offer_id").as("_offer"), col("target_type").as("_tt"),
                col("target").as("_target")));
        Dataset<Row> withOfferColumn = List.of(rows.columns()).contains("offer_id") ? rows
                : rows.withColumn("offer_id", lit(null).cast("string"));
        Dataset<Row> named = withOfferColumn.filter(col("offer_id").isNotNull())
                .join(targets, col("offer_id").equalTo(col("_offer")))
                .drop("_offer", "_tt", "_target");
        Dataset<Row> unnamed = withOfferColumn.filter(col("offer_id").isNull()).drop("offer_id");
        Dataset<Row> byCategory = unnamed.join(targets, col("_tt").equalTo("category")
                .and(col("category").equalTo(col("_target"))));
        Dataset<Row> byProduct = unnamed.join(targets, col("_tt").equalTo("product")
                .and(col("product_id").equalTo(col("_target"))));
        Dataset<Row> byTarget = byCategory.unionByName(byProduct)
                .withColumnRenamed("_offer", "offer_id").drop("_tt", "_target");
        return named.unionByName(byTarget);
    }

    /** UTC epoch day of a microsecond timestamp, as an exact integer floor division. */
    static Column day(Column micros) {
        return micros.minus(org.apache.spark.sql.functions.pmod(micros, lit(Window.DAY_MICROS)))
                .divide(lit(Window.DAY_MICROS)).cast("int");
    }
}
