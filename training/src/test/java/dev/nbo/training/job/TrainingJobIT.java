package dev.nbo.training.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.features.generate.GenerationSettings;
import dev.nbo.features.generate.WarehouseGenerator;
import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.pipeline.FeaturePipeline;
import dev.nbo.features.pipeline.PipelineOptions;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.models.feature.Window;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.registry.ModelManifest;
import dev.nbo.models.registry.PromotionPolicy;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./nbo train end to end on a small synthetic retailer: features, training, evaluation against every baseline
 * including the shipped example rules, ONNX export with parity, registration and the promotion gate.
 */
class TrainingJobIT {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String CONFIG = """
            version: 1
            model_name: propensity
            model: {seed: 7, trees: 40, max_depth: 4, eta: 0.2, threads: 2}
            encoder: {max_values: 20, min_count: 10}
            segments: {seed: 7, k_min: 2, k_max: 4, selection_sample: 500}
            promotion: {metric: ndcg@3, margin: 0.0}
            """;

    @TempDir
    static Path dir;
    static Path warehouse;
    static Path features;
    static Path config;

    @BeforeAll
    static void buildFeatures() throws Exception {
        warehouse = dir.resolve("warehouse");
        features = dir.resolve("features");
        new WarehouseGenerator(QUIET).generate(new GenerationSettings(900, 240, 7, LocalDate.of(2025, 1, 1),
                ProjectFiles.config("offers.yaml"), warehouse, 2));
        new FeaturePipeline(SparkTestSession.get(), QUIET).run(new PipelineOptions(warehouse.toString(),
                features.toString(), ProjectFiles.config("features.yaml"), List.of(), 4, Window.parse("30d"),
                new NegativeSampling(0.3, 1, 7), null, false));
        config = Files.writeString(dir.resolve("training.yaml"), CONFIG);
    }

    private static TrainingOutcome train(Path registry, Optional<PromotionPolicy> policy) {
        return new TrainingJob(SparkTestSession.get(), QUIET, "test").run(new TrainingOptions(features, registry,
                config, Optional.of(ProjectFiles.config("rules.yaml")), Optional.empty(),
                Optional.of(warehouse.resolve("offers.yaml")), policy));
    }

    @Test
    void trainsEvaluatesExportsRegistersAndLetsTheGateDecide() throws Exception {
        Path registryDir = dir.resolve("registry");
        TrainingOutcome first = train(registryDir, Optional.empty());

        assertThat(first.decision().promote()).isTrue();
        assertThat(first.parity().passed()).isTrue();
        assertThat(first.parity().maxAbsDiff()).isLessThanOrEqualTo(1e-5);
        assertThat(first.parity().rows()).isGreaterThan(1000);
        assertThat(first.parity().segmentMismatches()).isZero();
        assertThat(first.ranking()).containsOnlyKeys("model", "random", "popularity", "buy_again", "rules");
        assertThat(first.ranking().get("model").get("ndcg@3"))
                .isGreaterThan(first.ranking().get("random").get("ndcg@3"));

        LocalModelRegistry registry = new LocalModelRegistry(registryDir);
        assertThat(registry.champion("propensity")).get().extracting(c -> c.version()).isEqualTo(first.version());
        ModelManifest manifest = registry.manifest("propensity", first.version());
        assertThat(manifest.files()).containsOnlyKeys("model.onnx", "segments.onnx", "encoder.json", "segments.json",
                "metrics.json", "report.html");
        assertThat(manifest.seed()).isEqualTo(7);
        assertThat(manifest.metrics()).containsKeys("ndcg@3", "hit_rate@3", "auc", "log_loss");
        JsonNode metrics = new ObjectMapper().readTree(first.directory().resolve("metrics.json").toFile());
        assertThat(metrics.path("ranking").path("rules").path("ndcg@3").isNumber()).isTrue();
        assertThat(metrics.path("classification").path("calibration")).hasSize(10);
        assertThat(metrics.path("segments").path("profiles").size()).isBetween(2, 4);
        assertThat(Files.readString(first.directory().resolve("report.html"))).contains("<svg");

        // the same data and seed give the same model: it does not beat the champion, so it stays a candidate
        TrainingOutcome second = train(registryDir, Optional.empty());
        assertThat(second.decision().promote()).isFalse();
        assertThat(second.decision().champion()).get().satisfies(c -> {
            assertThat(c.sameHoldout()).isTrue();
            assertThat(c.value()).isEqualTo(second.ranking().get("model").get("ndcg@3"));
        });
        assertThat(registry.champion("propensity")).get().extracting(c -> c.version()).isEqualTo(first.version());

        TrainingOutcome forced = train(registryDir, Optional.of(PromotionPolicy.FORCE));
        assertThat(forced.decision().promote()).isTrue();
        assertThat(registry.champion("propensity")).get().extracting(c -> c.version()).isEqualTo(forced.version());
        assertThat(registry.versions("propensity")).containsExactly(first.version(), second.version(),
                forced.version());
    }

    @Test
    void refusesAFolderThatIsNotAFeaturesRun() {
        assertThatThrownBy(() -> new TrainingJob(SparkTestSession.get(), QUIET, "test").run(new TrainingOptions(
                dir.resolve("warehouse"), dir.resolve("r2"), config, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run.json")
                .hasMessageContaining("./nbo features");
    }

    @Test
    void refusesFeaturesBuiltFromOtherDefinitions() {
        assertThatThrownBy(() -> new TrainingJob(SparkTestSession.get(), QUIET, "test").run(new TrainingOptions(
                features, dir.resolve("r3"), config, Optional.empty(),
                Optional.of(ProjectFiles.config("online-retail/features.yaml")), Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature spec");
    }
}
