package dev.nbo.training.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.experiments.warehouse.CandidateRow;
import dev.nbo.experiments.warehouse.DecisionRow;
import dev.nbo.experiments.warehouse.EventRow;
import dev.nbo.experiments.warehouse.ExperimentTable;
import dev.nbo.experiments.warehouse.TableWriter;
import dev.nbo.features.testing.SparkTestSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment tables that ./nbo export-logs writes without Spark (experiments.warehouse.TableWriter) read with
 * Spark: timestamps as timestamps, the offers as array&lt;string&gt;, the policy choices as map&lt;string,string&gt;,
 * nulls as nulls.
 */
class ExperimentTablesSparkIT {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    @TempDir
    Path warehouse;

    private static <R> void export(ExperimentTable<R> table, Path warehouse, List<R> rows) {
        try (TableWriter<R> writer = TableWriter.open(table, warehouse)) {
            rows.forEach(writer::write);
            writer.commit();
        }
    }

    @Test
    void sparkReadsTheDecisionsWithTheirTypes() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("model", "OFF-2");
        choices.put("rules", null);
        export(ExperimentTable.DECISIONS, warehouse, List.of(
                new DecisionRow("r1", T0, "C1", "hero", "model", "exp-a", "model", 0.5, false, "nbo-1.3",
                        List.of("OFF-2", "OFF-1"), choices),
                new DecisionRow("r2", T0.plusSeconds(60), null, "footer", "popular", null, null, null, false, null,
                        List.of(), Map.of())));
        SparkSession spark = SparkTestSession.get();

        Dataset<Row> decisions = spark.read().parquet(warehouse.resolve("decisions").toString());

        StructType schema = decisions.schema();
        assertThat(schema.apply("time").dataType()).isEqualTo(DataTypes.TimestampType);
        // Spark reads every column, element and value as nullable; the types are what matters
        assertThat(schema.apply("offers").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.StringType,
                true));
        assertThat(schema.apply("policy_choices").dataType()).isEqualTo(DataTypes.createMapType(
                DataTypes.StringType, DataTypes.StringType, true));
        assertThat(schema.apply("arm_probability").dataType()).isEqualTo(DataTypes.DoubleType);
        List<Row> rows = decisions.selectExpr("request_id", "unix_micros(time)", "customer_id", "arm_probability",
                "offers", "policy_choices['model']", "policy_choices['rules']", "size(policy_choices)",
                "size(offers)").orderBy("request_id").collectAsList();
        assertThat(rows.get(0).getString(0)).isEqualTo("r1");
        assertThat(rows.get(0).getLong(1)).isEqualTo(1_772_359_200_123_456L);
        assertThat(rows.get(0).getString(2)).isEqualTo("C1");
        assertThat(rows.get(0).getDouble(3)).isEqualTo(0.5);
        assertThat(rows.get(0).<String>getList(4)).containsExactly("OFF-2", "OFF-1");
        assertThat(rows.get(0).getString(5)).isEqualTo("OFF-2");
        assertThat(rows.get(0).isNullAt(6)).isTrue();
        assertThat(rows.get(0).getInt(7)).isEqualTo(2);
        assertThat(rows.get(1).isNullAt(2)).as("erased customer").isTrue();
        assertThat(rows.get(1).isNullAt(3)).isTrue();
        assertThat(rows.get(1).getInt(8)).isZero();
    }

    @Test
    void sparkReadsTheCandidatesAndTheEvents() {
        export(ExperimentTable.DECISION_CANDIDATES, warehouse, List.of(new CandidateRow("r1", "OFF-2", 0.73, 1),
                new CandidateRow("r1", "OFF-7", 0.02, null)));
        export(ExperimentTable.EMAIL_EVENTS, warehouse, List.of(new EventRow("e1", "C1", T0, "purchase", null, null,
                null, "OFF-2", "r1", 42.5, T0.plusSeconds(1))));
        SparkSession spark = SparkTestSession.get();

        List<Row> candidates = spark.read().parquet(warehouse.resolve("decision_candidates").toString())
                .selectExpr("offer_id", "score", "rank").orderBy("offer_id").collectAsList();
        Dataset<Row> events = spark.read().parquet(warehouse.resolve("email_events").toString());

        assertThat(candidates.get(0).getDouble(1)).isEqualTo(0.73);
        assertThat(candidates.get(0).getInt(2)).isEqualTo(1);
        assertThat(candidates.get(1).isNullAt(2)).isTrue();
        assertThat(events.schema().apply("event_time").dataType()).isEqualTo(DataTypes.TimestampType);
        Row event = events.selectExpr("event_type", "revenue", "request_id", "product_id",
                "unix_micros(ingested_at) - unix_micros(event_time)").first();
        assertThat(event.getString(0)).isEqualTo("purchase");
        assertThat(event.getDouble(1)).isEqualTo(42.5);
        assertThat(event.getString(2)).isEqualTo("r1");
        assertThat(event.isNullAt(3)).isTrue();
        assertThat(event.getLong(4)).isEqualTo(1_000_000L);
    }
}
