package dev.nbo.features.pipeline;

import static dev.nbo.models.fixture.FeatureValueAssert.assertFeatureValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.testing.FixtureWarehouse;
import dev.nbo.features.testing.QuietProgress;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Window;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.online.OnlineSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the hand-made fixture: every output, checked against values written down in advance. */
class FeaturePipelineIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 10);
    private static SparkSession spark;
    private static Path out;
    private static FeaturePipeline.PipelineResult result;

    @BeforeAll
    static void runThePipeline(@TempDir Path dir) throws IOException {
        spark = SparkTestSession.get();
        Path warehouse = FixtureWarehouse.write(spark, dir.resolve("warehouse"));
        Path spec = Files.writeString(dir.resolve("features.yaml"), FeatureFixture.SPEC_YAML);
        out = dir.resolve("out");
        // a 2-day horizon: [03-10, 03-12) holds c2's purchase of RUN-1 on 03-11 (ord6)
        PipelineOptions options = new PipelineOptions(warehouse.toString(), out.toString(), spec, List.of(AS_OF), 1,
                Window.parse("2d"), NegativeSampling.none(), AS_OF, true);
        result = new FeaturePipeline(spark, QuietProgress.silent()).run(options);
    }

    @Test
    void trainingPairsAreTheEligibleCandidatesWithTheirLabels() {
        Map<String, Integer> labels = new HashMap<>();
        for (Row row : spark.read().parquet(out.resolve("training_pairs").toString()).collectAsList()) {
            labels.put(row.getAs("customer_id") + "/" + row.getAs("offer_id"), row.getAs("label"));
        }
        // o-golf is only for the West, where only c1 lives; c2 bought RUN-1 (running, the o-shoe product) on 03-11;
        // c1 bought running on 03-09, before the as-of date, which must not make a label
        assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of(
                "c1/o-run", 0, "c1/o-shoe", 0, "c1/o-golf", 0,
                "c2/o-run", 1, "c2/o-shoe", 1,
                "c3/o-run", 0, "c3/o-shoe", 0));
    }

    @Test
    void trainingPairsCarryTheFeaturesOfEveryEntityAtTheAsOfDate() {
        Row c1Run = spark.read().parquet(out.resolve("training_pairs").toString())
                .filter("customer_id = 'c1' and offer_id = 'o-run'").first();
        Row c3Run = spark.read().parquet(out.resolve("training_pairs").toString())
                .filter("customer_id = 'c3' and offer_id = 'o-run'").first();

        assertThat(c1Run.<Long>getAs("views_7d")).isEqualTo(5L);
        assertThat(c1Run.<Double>getAs("offer_value")).isEqualTo(10.0);
        assertThat(c1Run.<Long>getAs("target_views_7d")).isEqualTo(2L);
        assertThat(c1Run.<Long>getAs("cat_views_7d")).as("customer x the offer's category").isEqualTo(2L);
        assertThat(c1Run.<String>getAs("offer_category")).isEqualTo("running");
        assertThat(c1Run.<Double>getAs("sample_weight")).isEqualTo(1.0);
        // c3 has no customer x offer row: empty values, a missing days-since
        assertThat(c3Run.<Long>getAs("target_views_7d")).isEqualTo(0L);
        assertThat(c3Run.<Object>getAs("days_since_target_view")).isNull();
        assertThat(c3Run.<Long>getAs("cat_views_7d")).isEqualTo(0L);
    }

    @Test
    void snapshotsArePartitionedByAsOfDate() {
        for (Entity entity : Entity.values()) {
            assertThat(out.resolve("snapshots/" + entity.wireName() + "/as_of=2025-03-10")).isDirectory();
        }
        assertThat(out.resolve("training_pairs/as_of=2025-03-10")).isDirectory();
    }

    @Test
    void theOnlineSnapshotRebuildsEveryValueInTheIncrementalAggregator() {
        FeatureSpec spec = FeatureFixture.spec();
        OnlineSnapshot snapshot = OnlineSnapshot.open(out.resolve("online"), spec);
        IncrementalAggregator aggregator = new IncrementalAggregator(spec, FeatureFixture.offers());
        snapshot.forEachCustomer(record -> {
            aggregator.upsertProfile(record.profile());
            record.state().forEach(aggregator::importState);
        });
        snapshot.forEachOffer(record -> record.state().forEach(aggregator::importState));

        assertThat(snapshot.manifest().customers()).isEqualTo(3);
        assertThat(snapshot.manifest().asOf()).isEqualTo("2025-03-10");
        assertThat(snapshot.productCategories()).containsEntry("GLF-1", "golf").hasSize(4);
        FeatureFixture.expected().forEach((key, features) -> {
            Map<String, FeatureValue> values = aggregator.values(key, FeatureFixture.AS_OF);
            features.forEach((name, expected) -> assertFeatureValue(key + " " + name, values.get(name).value(), expected));
        });
    }

    @Test
    void reportsAreWritten() throws IOException {
        assertThat(Files.readString(out.resolve("data_quality.json"))).contains("\"events\"", "\"rows_valid\" : 13");
        assertThat(Files.readString(out.resolve("run.json"))).contains("\"as_of_dates\" : [ \"2025-03-10\" ]",
                "\"snapshot_id\" : \"" + result.snapshotId() + "\"");
        assertThat(result.pairCounts().get("2025-03-10")).containsExactly(7L, 2L);
    }

    @Test
    void anAsOfDateWhoseLabelsWouldBeIncompleteIsRefused(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("features.yaml"), FeatureFixture.SPEC_YAML);
        PipelineOptions options = new PipelineOptions(out.resolve("../warehouse").normalize().toString(),
                dir.resolve("out").toString(), spec, List.of(AS_OF), 1, Window.parse("30d"), NegativeSampling.none(),
                null, false);

        assertThatThrownBy(() -> new FeaturePipeline(spark, QuietProgress.silent()).run(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("as-of 2025-03-10 with horizon 30d needs data up to 2025-04-09")
                .hasMessageContaining("the data ends on 2025-03-11");
    }
}
