package dev.nbo.features.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables of a warehouse: each is a folder of Parquet files named after the table ({@code <warehouse>/events/}).
 * This enum is the schema contract documented in {@code features/README.md}; the generator and the importers write
 * it, the pipeline reads it. Timestamps are UTC instants.
 */
public enum WarehouseTable {
    CUSTOMERS(
            column("customer_id", StringType),
            column("signup_time", TimestampType),
            column("birth_year", IntegerType),
            column("city", StringType),
            column("region", StringType),
            column("country", StringType),
            column("interests", createArrayType(StringType)),
            column("marketing_consent", BooleanType)),
    PRODUCTS(
            column("product_id", StringType),
            column("name", StringType),
            column("category", StringType),
            column("price", DoubleType)),
    ORDERS(
            column("order_id", StringType),
            column("customer_id", StringType),
            column("order_time", TimestampType),
            column("order_type", StringType)),
    ORDER_ITEMS(
            column("order_id", StringType),
            column("line_no", IntegerType),
            column("product_id", StringType),
            column("quantity", IntegerType),
            column("unit_price", DoubleType)),
    EVENTS(
            column("event_id", StringType),
            column("customer_id", StringType),
            column("event_time", TimestampType),
            column("event_type", StringType),
            column("product_id", StringType),
            column("session_id", StringType),
            column("offer_id", StringType),
            column("ingested_at", TimestampType)),
    OFFERS(
            column("offer_id", StringType),
            column("target_type", StringType),
            column("target", StringType),
            column("value", DoubleType),
            column("discount", DoubleType),
            column("valid_from", DateType),
            column("valid_to", DateType),
            column("regions", createArrayType(StringType)),
            column("title", StringType),
            column("image_url", StringType),
            column("link", StringType),
            column("price_text", StringType));

    private final StructType schema;

    WarehouseTable(StructField... fields) {
        this.schema = new StructType(fields);
    }

    private static StructField column(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }

    /** The folder name, e.g. {@code order_items}. */
    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public StructType schema() {
        return schema;
    }

    public List<String> columnNames() {
        return List.of(schema.fieldNames());
    }
}
