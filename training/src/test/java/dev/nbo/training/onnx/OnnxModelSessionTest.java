package dev.nbo.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading exported models in ONNX Runtime: damaged files are refused with a message that names them. */
class OnnxModelSessionTest {
    private static final byte[] MODEL = KMeansOnnxExporter.export(new double[] {0, 0}, new double[] {1, 1},
            new double[][] {{0, 0}, {3, 4}}, new OnnxModelMetadata(List.of("a", "b"), "h", "v", "{}"));

    @Test
    void refusesACorruptedModel() {
        byte[] corrupted = MODEL.clone();
        for (int i = 0; i < corrupted.length; i += 7) {
            corrupted[i] = (byte) ~corrupted[i];
        }

        assertThatThrownBy(() -> OnnxModelSession.open(corrupted, "registry/propensity/v3/model.onnx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("registry/propensity/v3/model.onnx is not a model ONNX Runtime can load")
                .hasMessageContaining("export it again");
    }

    @Test
    void refusesATruncatedModelFileNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("segments.onnx");
        Files.write(file, Arrays.copyOf(MODEL, MODEL.length / 2));

        assertThatThrownBy(() -> OnnxModelSession.open(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " is not a model ONNX Runtime can load");
    }

    @Test
    void scoresAModelReadFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("segments.onnx");
        Files.write(file, MODEL);

        try (OnnxModelSession session = OnnxModelSession.open(file)) {
            SegmentScores scores = session.segments(new float[][] {{3, 4}, {0, 1}});

            assertThat(session.width()).isEqualTo(2);
            assertThat(scores.segments()).containsExactly(1, 0);
            assertThat(scores.distances()[1]).containsExactly(1f, (float) Math.sqrt(18));
        }
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        try (OnnxModelSession session = OnnxModelSession.open(MODEL, "segments model")) {
            assertThatThrownBy(() -> session.segments(new float[][] {{1, 2}, {1, 2, 3}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("row 1 has 3 values but segments model reads 2 features");
        }
    }

    @Test
    void refusesToReadPropensitiesFromASegmentsModel() {
        try (OnnxModelSession session = OnnxModelSession.open(MODEL, "segments model")) {
            assertThatThrownBy(() -> session.propensities(new float[][] {{1, 2}}))
                    .hasMessageContaining("segments model has no output 'propensity'");
        }
    }
}
