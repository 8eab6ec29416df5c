package dev.nbo.training.data;

import dev.nbo.models.feature.FeatureSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads {@code training_pairs/} into a {@link PairTable}. Every feature column must be a feature of the spec the
 * run was built with (checked through the spec hash), so that the encoder knows its type.
 */
public final class TrainingPairsReader {
    private static final Set<String> PAIR_COLUMNS =
            Set.of("as_of", "customer_id", "offer_id", "offer_category", "label", "sample_weight");

    private final SparkSession spark;

    public TrainingPairsReader(SparkSession spark) {
        this.spark = spark;
    }

    public PairTable read(FeatureRun run, FeatureSpec spec) {
        if (!run.specHash().equals(spec.hash())) {
            throw new IllegalArgumentException("the features in " + run.dir() + " were built with feature spec "
                    + run.specHash().substring(0, 12) + ", but " + spec.origin() + " is " + spec.hash().substring(0, 12)
                    + ": train with the features.yaml the run used (--spec), or rebuild the features");
        }
        Dataset<Row> pairs = spark.read().parquet(run.trainingPairs().toString());
        List<String> features = new ArrayList<>();
        for (String column : pairs.columns()) {
            if (!PAIR_COLUMNS.contains(column)) {
                spec.require(column);
                features.add(column);
            }
        }
        FeatureIndex index = new FeatureIndex(features);
        int[] positions = features.stream().mapToInt(pairs.schema()::fieldIndex).toArray();
        int asOf = pairs.schema().fieldIndex("as_of");
        int customer = pairs.schema().fieldIndex("customer_id");
        int offer = pairs.schema().fieldIndex("offer_id");
        int category = pairs.schema().fieldIndex("offer_category");
        int label = pairs.schema().fieldIndex("label");
        int weight = pairs.schema().fieldIndex("sample_weight");
        List<PairRow> rows = new ArrayList<>();
        Iterator<Row> it = pairs.toLocalIterator();
        while (it.hasNext()) {
            Row row = it.next();
            Object[] values = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                values[i] = javaValue(row, positions[i]);
            }
            rows.add(new PairRow(LocalDate.parse(row.getString(asOf)), row.getString(customer), row.getString(offer),
                    row.isNullAt(category) ? null : row.getString(category), row.getInt(label) == 1,
                    row.isNullAt(weight) ? 1.0 : ((Number) row.get(weight)).doubleValue(), values, index));
        }
        return new PairTable(index, rows);
    }

    private static Object javaValue(Row row, int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        Object value = row.get(i);
        if (value instanceof scala.collection.Seq<?>) {
            return List.copyOf(row.getList(i));
        }
        if (value instanceof Integer n) {
            return n.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }
}
