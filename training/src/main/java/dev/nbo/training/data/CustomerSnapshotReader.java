package dev.nbo.training.data;

import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.training.segment.CustomerTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static org.apache.spark.sql.functions.col;

/**
 * Reads the numeric customer features of one as-of date from {@code snapshots/customer/} into a
 * {@link CustomerTable} — what the segments are trained on. Missing values become NaN.
 */
public final class CustomerSnapshotReader {
    private final SparkSession spark;

    public CustomerSnapshotReader(SparkSession spark) {
        this.spark = spark;
    }

    /** Every numeric customer feature of the spec: the default segmentation features. */
    public static List<String> numericCustomerFeatures(FeatureSpec spec) {
        return spec.features(Entity.CUSTOMER).stream().filter(f -> f.type().isNumeric())
                .map(FeatureDefinition::name).toList();
    }

    public CustomerTable read(FeatureRun run, LocalDate asOf, List<String> features) {
        Dataset<Row> snapshot = spark.read().parquet(run.dir().resolve("snapshots/customer").toString())
                .filter(col("as_of").equalTo(asOf.toString()));
        List<String> columns = List.of(snapshot.columns());
        for (String feature : features) {
            if (!columns.contains(feature)) {
                throw new IllegalArgumentException("segments.features names " + feature + ", which is not a customer"
                        + " feature of the run in " + run.dir() + " (customer features: " + columns + ")");
            }
        }
        List<String> select = new ArrayList<>(features);
        select.add(0, "customer_id");
        Dataset<Row> rows = snapshot.selectExpr(select.toArray(String[]::new)).orderBy("customer_id");
        List<String> ids = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        Iterator<Row> it = rows.toLocalIterator();
        while (it.hasNext()) {
            Row row = it.next();
            ids.add(row.getString(0));
            double[] v = new double[features.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = row.isNullAt(i + 1) ? Double.NaN : ((Number) row.get(i + 1)).doubleValue();
            }
            values.add(v);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(run.dir() + "/snapshots/customer has no customer at " + asOf);
        }
        return new CustomerTable(ids, features, values.toArray(double[][]::new));
    }
}
