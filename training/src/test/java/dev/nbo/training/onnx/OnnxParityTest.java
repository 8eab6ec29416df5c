package dev.nbo.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parity check reports the differences it finds, so that registration can refuse a model on them. */
class OnnxParityTest {
    private static final byte[] SEGMENTS = KMeansOnnxExporter.export(new double[] {0, 0}, new double[] {1, 1},
            new double[][] {{0, 0}, {3, 4}}, new OnnxModelMetadata(List.of("a", "b"), "h", "v", "{}"));
    private static final float[][] ROWS = {{0, 0}, {3, 4}, {3, 3}};

    @Test
    void reportsTheLargestPropensityDifferenceAndItsRow() {
        var model = SyntheticBinaryData.train(SyntheticBinaryData.gaussian(51, 3).examples(300), 5, 2);
        byte[] onnx = TreeEnsembleOnnxExporter.export(model, OnnxModelMetadata.of(model, "h", "v"));
        float[][] rows = {{0.1f, -0.2f, 0.3f}, {1, 1, 1}, {Float.NaN, 2, -1}};

        try (OnnxModelSession session = OnnxModelSession.open(onnx, "propensity model")) {
            float[] actual = session.propensities(rows);
            double[] expected = {actual[0], actual[1] + 2e-5, actual[2] - 1e-6};

            PropensityParity parity = OnnxParity.propensity(session, rows, expected);

            assertThat(parity.rows()).isEqualTo(3);
            assertThat(parity.worstRow()).isEqualTo(1);
            assertThat(parity.maxAbsDiff()).isBetween(1.9e-5, 2.1e-5);
            assertThat(parity.passes()).isFalse();
        }
    }

    @Test
    void countsSegmentMismatchesAndDistanceDifferences() {
        try (OnnxModelSession session = OnnxModelSession.open(SEGMENTS, "segments model")) {
            SegmentParity exact = OnnxParity.segments(session, ROWS, new int[] {0, 1, 1},
                    new double[][] {{0, 5}, {5, 0}, {Math.sqrt(18), 1}});
            SegmentParity wrong = OnnxParity.segments(session, ROWS, new int[] {0, 0, 0},
                    new double[][] {{0, 5}, {5, 0.001}, {Math.sqrt(18), 1}});

            assertThat(exact.passes()).isTrue();
            assertThat(exact.maxDistanceDiff()).isLessThanOrEqualTo(1e-6);
            assertThat(wrong.mismatchedSegments()).isEqualTo(2);
            assertThat(wrong.firstMismatchRow()).isEqualTo(1);
            assertThat(wrong.maxDistanceDiff()).isBetween(0.00099, 0.00101);
            assertThat(wrong.passes()).isFalse();
        }
    }

    @Test
    void doesNotPassOnNoRows() {
        try (OnnxModelSession session = OnnxModelSession.open(SEGMENTS, "segments model")) {
            SegmentParity parity = OnnxParity.segments(session, new float[0][], new int[0], new double[0][]);

            assertThat(parity.rows()).isZero();
            assertThat(parity.passes()).isFalse();
        }
    }

    @Test
    void treatsANaNScoreAsAnInfiniteDifference() {
        try (OnnxModelSession session = OnnxModelSession.open(SEGMENTS, "segments model")) {
            SegmentParity parity = OnnxParity.segments(session, ROWS, new int[] {0, 1, 1},
                    new double[][] {{0, 5}, {5, 0}, {Double.NaN, 1}});

            assertThat(parity.maxDistanceDiff()).isInfinite();
            assertThat(parity.passes()).isFalse();
        }
    }
}
