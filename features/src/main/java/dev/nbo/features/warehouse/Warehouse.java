package dev.nbo.features.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads warehouse tables from a folder (local path, {@code file://}, {@code s3a://}, {@code hdfs://}...) into the
 * schema of {@link WarehouseTable}. Missing optional columns become nulls; a missing key column or a column of an
 * incompatible type is refused with the table, the column and both types in the message.
 */
public final class Warehouse {
    private final SparkSession spark;
    private final String root;

    public Warehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String root() {
        return root;
    }

    public String path(WarehouseTable table) {
        return root + "/" + table.tableName();
    }

    /** Whether the table's folder exists. */
    public boolean exists(WarehouseTable table) {
        try {
            Path path = new Path(path(table));
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(path);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot check " + path(table) + ": " + e.getMessage(), e);
        }
    }

    /** Reads a table in the warehouse schema; an absent optional table (events) reads as empty. */
    public Dataset<Row> read(WarehouseTable table) {
        if (!exists(table)) {
            if (table == WarehouseTable.EVENTS) {
                return spark.createDataFrame(List.of(), table.schema());
            }
            throw new IllegalArgumentException("warehouse " + root + " has no " + table.tableName() + " table (expected"
                    + " a folder of Parquet files at " + path(table) + "); see features/README.md for the layout");
        }
        Dataset<Row> raw = spark.read().parquet(path(table));
        return conform(table, raw);
    }

    /** Casts a frame to the table's schema, refusing what cannot be cast safely. */
    static Dataset<Row> conform(WarehouseTable table, Dataset<Row> raw) {
        StructType found = raw.schema();
        List<Column> columns = new ArrayList<>();
        for (StructField expected : table.schema().fields()) {
            String name = expected.name();
            if (!List.of(found.fieldNames()).contains(name)) {
                if (isKey(table, name)) {
                    throw new IllegalArgumentException("table " + table.tableName() + " has no column " + name
                            + "; its columns are " + String.join(", ", found.fieldNames()));
                }
                columns.add(lit(null).cast(expected.dataType()).as(name));
                continue;
            }
            DataType actual = found.apply(name).dataType();
            if (!castable(actual, expected.dataType())) {
                throw new IllegalArgumentException("table " + table.tableName() + ", column " + name + ": found "
                        + actual.simpleString() + ", expected " + expected.dataType().simpleString());
            }
            columns.add(col(name).cast(expected.dataType()).as(name));
        }
        return raw.select(columns.toArray(Column[]::new));
    }

    private static boolean isKey(WarehouseTable table, String column) {
        return switch (table) {
            case CUSTOMERS -> column.equals("customer_id");
            case PRODUCTS -> column.equals("product_id") || column.equals("category");
            case ORDERS -> List.of("order_id", "customer_id", "order_time").contains(column);
            case ORDER_ITEMS -> List.of("order_id", "product_id", "quantity", "unit_price").contains(column);
            case EVENTS -> List.of("event_id", "customer_id", "event_time", "event_type").contains(column);
            case OFFERS -> List.of("offer_id", "target_type", "target").contains(column);
        };
    }

    private static boolean castable(DataType from, DataType to) {
        if (from.equals(to)) {
            return true;
        }
        boolean fromNumber = from instanceof org.apache.spark.sql.types.NumericType;
        if (to.equals(DataTypes.StringType)) {
            return fromNumber || from.equals(DataTypes.StringType);
        }
        if (to.equals(DataTypes.IntegerType) || to.equals(DataTypes.LongType) || to.equals(DataTypes.DoubleType)) {
            return fromNumber;
        }
        if (to.equals(DataTypes.TimestampType)) {
            return from.equals(DataTypes.TimestampNTZType) || from.equals(DataTypes.DateType);
        }
        if (to.equals(DataTypes.DateType)) {
            return from.equals(DataTypes.TimestampType) || from.equals(DataTypes.TimestampNTZType);
        }
        return false;
    }
}
