package dev.nbo.features.validation;

import dev.nbo.features.warehouse.WarehouseTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The validated tables of a run ({@code <out>/validated/<table>/}), with the data-quality report that produced them.
 */
public final class ValidatedWarehouse {
    private final String source;
    private final String root;
    private final SparkSession spark;
    private final DataQualityReport report;

    public ValidatedWarehouse(String source, String root, SparkSession spark, DataQualityReport report) {
        this.source = source;
        this.root = root;
        this.spark = spark;
        this.report = report;
    }

    /** Reopens the validated tables of an earlier run. */
    public static ValidatedWarehouse open(SparkSession spark, String root) {
        return new ValidatedWarehouse(root, root, spark, new DataQualityReport());
    }

    public Dataset<Row> table(WarehouseTable table) {
        return spark.read().parquet(root + "/" + table.tableName());
    }

    public SparkSession spark() {
        return spark;
    }

    /** The warehouse the tables were validated from. */
    public String source() {
        return source;
    }

    public String root() {
        return root;
    }

    public DataQualityReport report() {
        return report;
    }
}
