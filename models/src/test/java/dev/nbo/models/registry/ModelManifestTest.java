package dev.nbo.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void survivesAJsonRoundTripWithSnakeCaseFields() throws Exception {
        ModelManifest manifest = ManifestFixture.manifest("propensity", "20261101-030000")
                .withFiles(Map.of("model.onnx", "c".repeat(64), "segments.onnx", "d".repeat(64)));

        String json = manifest.toJson();
        ModelManifest back = ModelManifest.fromJson("m.json", json);

        assertThat(back).isEqualTo(manifest);
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.get("format").asText()).isEqualTo("nbo-model/1");
        assertThat(tree.get("created_at").asText()).isEqualTo("2026-11-01T03:00:00Z");
        assertThat(tree.get("feature_spec_hash").asText()).isEqualTo(ManifestFixture.SPEC_HASH);
        assertThat(tree.at("/training/holdout_as_of/0").asText()).isEqualTo("2026-10-01");
        assertThat(tree.at("/parity/max_abs_diff").asDouble()).isEqualTo(2e-7);
        assertThat(tree.at("/hyper_parameters/trees").asLong()).isEqualTo(200);
        assertThat(tree.at("/metrics/ndcg@3").asDouble()).isEqualTo(0.412);
        assertThat(tree.at("/files/model.onnx").asText()).isEqualTo("c".repeat(64));
    }

    @Test
    void keepsWholeHyperParametersAsLongSoThatARoundTripIsEqual() {
        ModelManifest manifest = ManifestFixture.manifest("propensity", "v1");

        assertThat(manifest.hyperParameters()).containsEntry("trees", 200L).containsEntry("max_depth", 6L)
                .containsEntry("eta", 0.3).containsEntry("early_stopping", false);
        assertThat(ModelManifest.fromJson("m.json", manifest.toJson()).hyperParameters())
                .isEqualTo(manifest.hyperParameters());
    }

    @Test
    void refusesAnUnknownFieldNamingIt() throws Exception {
        ObjectNode tree = tree();
        tree.put("calibration", "isotonic");

        assertThatThrownBy(() -> ModelManifest.fromJson("m.json", tree.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m.json")
                .hasMessageContaining("unknown field 'calibration'")
                .hasMessageContaining("newer release");
    }

    @Test
    void refusesAnUnknownNestedFieldWithItsPath() throws Exception {
        ObjectNode tree = tree();
        ((ObjectNode) tree.get("parity")).put("ks_statistic", 0.1);

        assertThatThrownBy(() -> ModelManifest.fromJson("m.json", tree.toString()))
                .hasMessageContaining("parity")
                .hasMessageContaining("unknown field 'ks_statistic'");
    }

    @Test
    void refusesANewerFormatBeforeLookingAtItsFields() throws Exception {
        ObjectNode tree = tree();
        tree.put("format", "nbo-model/2");
        tree.put("calibration", "isotonic");

        assertThatThrownBy(() -> ModelManifest.fromJson("m.json", tree.toString()))
                .hasMessage("m.json: format 'nbo-model/2' is not supported; this release reads nbo-model/1; use a"
                        + " release that knows it or register the model again");
    }

    @Test
    void refusesAMissingFieldNamingIt() throws Exception {
        ObjectNode tree = tree();
        tree.remove("seed");

        assertThatThrownBy(() -> ModelManifest.fromJson("m.json", tree.toString()))
                .hasMessage("m.json: seed: is required");
    }

    @Test
    void refusesABadValueWithTheFieldAndTheValue() throws Exception {
        ObjectNode tree = tree();
        tree.put("feature_spec_hash", "abc");
        assertThatThrownBy(() -> ModelManifest.fromJson("m.json", tree.toString()))
                .hasMessageContaining("m.json").hasMessageContaining("feature_spec_hash 'abc' is not a sha256");

        ObjectNode badTime = tree();
        badTime.put("created_at", "yesterday");
        assertThatThrownBy(() -> ModelManifest.fromJson("m.json", badTime.toString()))
                .hasMessageContaining("created_at").hasMessageContaining("yesterday");
    }

    @Test
    void validatesInTheConstructor() {
        ModelManifest valid = ManifestFixture.manifest("propensity", "v1");

        assertThatThrownBy(() -> ManifestFixture.manifest(" ", "v1")).hasMessageContaining("model name ' '");
        assertThatThrownBy(() -> ManifestFixture.manifest("propensity", "../v1"))
                .hasMessageContaining("version '../v1' is not valid");
        assertThatThrownBy(() -> valid.withFiles(Map.of("../model.onnx", "c".repeat(64))))
                .hasMessageContaining("file name '../model.onnx' is not allowed");
        assertThatThrownBy(() -> valid.withFiles(Map.of("model.onnx", "C".repeat(64))))
                .hasMessageContaining("files.model.onnx");
        assertThatThrownBy(() -> valid.withFiles(Map.of("manifest.json", "c".repeat(64))))
                .hasMessageContaining("written by the registry itself");
        assertThatThrownBy(() -> new ModelManifest("m", "v1", valid.createdAt(), "dev", List.of("a", "a"),
                valid.featureSpecHash(), "s", valid.training(), Map.of(), 1, Map.of(), valid.parity(),
                valid.segments())).hasMessageContaining("lists 'a' twice");
        assertThatThrownBy(() -> new ModelManifest("m", "v1", valid.createdAt(), "dev", List.of("a"),
                valid.featureSpecHash(), "s", valid.training(), Map.of("nested", List.of(1)), 1, Map.of(),
                valid.parity(), valid.segments())).hasMessageContaining("hyper_parameters.nested must be text");
        assertThatThrownBy(() -> new ModelManifest("m", "v1", valid.createdAt(), "dev", List.of("a"),
                valid.featureSpecHash(), "s", valid.training(), Map.of(), 1, Map.of("auc", Double.NaN),
                valid.parity(), valid.segments())).hasMessageContaining("metrics.auc must be a finite number");
    }

    @Test
    void parityCannotClaimToPassWhatItsFiguresFail() {
        assertThat(Parity.of(1000, 2e-5, 1000, 0, 1e-5).passed()).isFalse();
        assertThat(Parity.of(1000, 1e-6, 1000, 3, 1e-5).passed()).isFalse();
        assertThat(Parity.of(0, 0, 0, 0, 1e-5).passed()).isFalse();
        assertThat(Parity.of(1000, 1e-6, 1000, 0, 1e-5).passed()).isTrue();
        assertThatThrownBy(() -> new Parity(1000, 2e-5, 1000, 0, 1e-5, true))
                .hasMessageContaining("parity says passed but its figures fail");
    }

    @Test
    void trainingSummaryRefusesAHoldoutDateThatWasTrainedOn() {
        var day = java.time.LocalDate.parse("2026-10-01");
        assertThatThrownBy(() -> new TrainingSummary(List.of(day), List.of(day), 10, 1, 10, 1))
                .hasMessageContaining("[2026-10-01] are in both train_as_of and holdout_as_of");
        assertThatThrownBy(() -> new TrainingSummary(List.of(day), List.of(day.plusDays(1)), 10, 11, 10, 1))
                .hasMessageContaining("train_positives must be between 0 and train_rows (10), got 11");
    }

    @Test
    void segmentsGiveOneDistinctNamePerCluster() {
        assertThatThrownBy(() -> new Segments(3, List.of("a", "b"))).hasMessageContaining("one name per segment");
        assertThatThrownBy(() -> new Segments(2, List.of("a", "a"))).hasMessageContaining("distinct");
    }

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) JSON.readTree(ManifestFixture.manifest("propensity", "v1").toJson());
    }
}
