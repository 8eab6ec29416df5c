package dev.nbo.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/** The metadata written into both kinds of model reads back through ONNX Runtime, as serving will read it. */
class OnnxModelMetadataTest {

    @Test
    void treeModelMetadataRoundTripsThroughOnnxRuntime() throws Exception {
        XGBoostModel<Label> model = SyntheticBinaryData.train(SyntheticBinaryData.gaussian(41, 3).examples(300), 3, 2);
        OnnxModelMetadata metadata = OnnxModelMetadata.of(model, "3f9a0c", "propensity-2026-11-29");

        byte[] onnx = TreeEnsembleOnnxExporter.export(model, metadata);

        Map<String, String> custom = customMetadata(onnx);
        assertThat(custom).containsEntry("feature_names", "[\"f00\",\"f01\",\"f02\"]")
                .containsEntry("feature_spec_hash", "3f9a0c")
                .containsEntry("model_version", "propensity-2026-11-29");
        assertThat(OnnxModelMetadata.fromProperties(custom)).isEqualTo(metadata);
        // The provenance is Tribuo's own, readable back by olcut into an equal provenance object.
        assertThat(new JsonProvenanceSerialization(false).deserializeAndUnmarshal(custom.get("tribuo_provenance")))
                .isEqualTo(model.getProvenance());
        assertThat(producer(onnx)).isEqualTo("nbo");
    }

    @Test
    void kMeansMetadataRoundTripsThroughOnnxRuntime() throws Exception {
        OnnxModelMetadata metadata = new OnnxModelMetadata(List.of("recency", "frequency"), "3f9a0c", "segments-7",
                "[{\"provenance\":\"test\"}]");

        byte[] onnx = KMeansOnnxExporter.export(new double[] {1, 2}, new double[] {1, 1},
                new double[][] {{0, 0}, {1, 1}}, metadata);

        try (OnnxModelSession session = OnnxModelSession.open(onnx, "segments model")) {
            assertThat(OnnxModelMetadata.fromProperties(session.customMetadata())).isEqualTo(metadata);
        }
        assertThat(producer(onnx)).isEqualTo("nbo");
    }

    @Test
    void refusesDuplicateFeatureNames() {
        assertThatThrownBy(() -> new OnnxModelMetadata(List.of("a", "b", "a"), "h", "v", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' twice");
    }

    @Test
    void refusesABlankFeatureSpecHash() {
        assertThatThrownBy(() -> new OnnxModelMetadata(List.of("a"), " ", "v", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("featureSpecHash is blank");
    }

    @Test
    void refusesPropertiesWithoutAFeatureSpecHash() {
        Map<String, String> properties = Map.of("feature_names", "[\"a\"]", "model_version", "v",
                "tribuo_provenance", "{}");

        assertThatThrownBy(() -> OnnxModelMetadata.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no 'feature_spec_hash'");
    }

    private static Map<String, String> customMetadata(byte[] onnx) {
        try (OnnxModelSession session = OnnxModelSession.open(onnx, "metadata model")) {
            return session.customMetadata();
        }
    }

    private static String producer(byte[] onnx) throws Exception {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx)) {
            return session.getMetadata().getProducerName();
        }
    }
}
