package dev.nbo.training.onnx;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Checks that an exported model scores like the trained one: ONNX Runtime's outputs against Tribuo's on the same
 * rows. Registration runs it on the whole holdout set and refuses a model that does not {@code passes()}.
 */
public final class OnnxParity {
    /** The largest difference tolerated between ONNX Runtime's and Tribuo's figures: float32 rounding, no more. */
    public static final double TOLERANCE = 1e-5;

    private OnnxParity() {
    }

    /**
     * Scores {@code examples} (a list, or a holdout {@code Dataset}) with Tribuo and with the exported model (the
     * examples as a {@link FeatureMatrix}), and compares Tribuo's probability of label
     * {@value TreeEnsembleOnnxExporter#POSITIVE_LABEL} to the ONNX propensity.
     */
    public static PropensityParity propensity(OnnxModelSession onnx, XGBoostModel<Label> model,
                                              Iterable<Example<Label>> examples) {
        float[][] features = FeatureMatrix.of(examples, model.getFeatureIDMap());
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] expected = new double[predictions.size()];
        for (int i = 0; i < expected.length; i++) {
            Label positive = predictions.get(i).getOutputScores().get(TreeEnsembleOnnxExporter.POSITIVE_LABEL);
            if (positive == null) {
                throw new IllegalArgumentException("Tribuo's prediction for row " + i + " has no score for label \""
                        + TreeEnsembleOnnxExporter.POSITIVE_LABEL + "\": " + predictions.get(i).getOutputScores());
            }
            expected[i] = positive.getScore();
        }
        return propensity(onnx, features, expected);
    }

    /** Compares the ONNX propensity of each row of {@code features} to {@code expected}. */
    public static PropensityParity propensity(OnnxModelSession onnx, float[][] features, double[] expected) {
        requireRows(features, expected.length);
        float[] actual = onnx.propensities(features);
        double max = 0;
        int worst = -1;
        for (int row = 0; row < actual.length; row++) {
            double diff = absDiff(actual[row], expected[row]);
            if (worst < 0 || diff > max) {
                max = diff;
                worst = row;
            }
        }
        return new PropensityParity(actual.length, max, worst);
    }

    /**
     * Compares the ONNX segments and distances of each row of {@code features} (original units) to the expected
     * ones, e.g. Tribuo's cluster ids and the distances to its centroids.
     */
    public static SegmentParity segments(OnnxModelSession onnx, float[][] features, int[] expectedSegments,
                                         double[][] expectedDistances) {
        requireRows(features, expectedSegments.length);
        requireRows(features, expectedDistances.length);
        SegmentScores actual = onnx.segments(features);
        int mismatches = 0;
        int firstMismatch = -1;
        double max = 0;
        for (int row = 0; row < actual.rows(); row++) {
            if (actual.segments()[row] != expectedSegments[row]) {
                mismatches++;
                firstMismatch = firstMismatch < 0 ? row : firstMismatch;
            }
            float[] distances = actual.distances()[row];
            if (distances.length != expectedDistances[row].length) {
                throw new IllegalArgumentException("row " + row + " has " + expectedDistances[row].length
                        + " expected distances but the model has " + distances.length + " centroids");
            }
            for (int c = 0; c < distances.length; c++) {
                max = Math.max(max, absDiff(distances[c], expectedDistances[row][c]));
            }
        }
        return new SegmentParity(actual.rows(), mismatches, firstMismatch, max);
    }

    private static double absDiff(float actual, double expected) {
        double diff = Math.abs(actual - expected);
        // NaN on one side is a failed export, not a small difference: report it as the largest one.
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
    }

    private static void requireRows(float[][] features, int expected) {
        if (features.length != expected) {
            throw new IllegalArgumentException(features.length + " rows of features but " + expected
                    + " expected values; give one per row");
        }
    }
}
