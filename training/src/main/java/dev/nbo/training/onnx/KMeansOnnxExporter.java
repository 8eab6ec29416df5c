package dev.nbo.training.onnx;

import static dev.nbo.training.onnx.OnnxModelBuilder.attribute;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.math.la.DenseVector;

/**
 * Exports k-means segments as an ONNX graph: {@code features} float [N, F] in original units → standardise with
 * the training means and standard deviations → a missing (NaN) value becomes 0, i.e. the mean → Euclidean
 * {@code distances} float [N, k] to every centroid → {@code segment} int64 [N], the nearest centroid, the lowest
 * index on a tie as in Tribuo's {@code KMeansModel}. The distances are computed as the norm of the difference
 * rather than through a matrix product, which would subtract large squares and lose the small distances.
 */
public final class KMeansOnnxExporter {
    public static final String SEGMENT = "segment";
    public static final String DISTANCES = "distances";

    private KMeansOnnxExporter() {
    }

    /**
     * The serialised ONNX model.
     *
     * @param means     per-feature training means, in the column order of {@code metadata.featureNames()}
     * @param stds      per-feature standard deviations used to standardise; each finite and positive
     * @param centroids k centroids of F coordinates each, in the standardised space
     */
    public static byte[] export(double[] means, double[] stds, double[][] centroids, OnnxModelMetadata metadata) {
        int f = metadata.featureNames().size();
        requireFeatureWidth("means", means, f);
        requireFeatureWidth("stds", stds, f);
        for (int j = 0; j < f; j++) {
            if (!Double.isFinite(means[j])) {
                throw new IllegalArgumentException("mean of feature '" + metadata.featureNames().get(j) + "' is "
                        + means[j] + "; it must be a finite number");
            }
            if (!(stds[j] > 0) || !Double.isFinite(stds[j])) {
                throw new IllegalArgumentException("standard deviation of feature '" + metadata.featureNames().get(j)
                        + "' is " + stds[j] + "; it must be positive and finite (drop a constant feature, or use 1)");
            }
        }
        if (centroids.length == 0) {
            throw new IllegalArgumentException("no centroids: k-means needs at least one");
        }
        int k = centroids.length;
        float[] flatCentroids = new float[k * f];
        for (int c = 0; c < k; c++) {
            requireFeatureWidth("centroid " + c, centroids[c], f);
            for (int j = 0; j < f; j++) {
                if (!Double.isFinite(centroids[c][j])) {
                    throw new IllegalArgumentException("centroid " + c + " has " + centroids[c][j] + " for feature '"
                            + metadata.featureNames().get(j) + "'; centroids must be finite");
                }
                flatCentroids[c * f + j] = (float) centroids[c][j];
            }
        }

        OnnxModelBuilder graph = new OnnxModelBuilder("nbo-segments");
        graph.input(FeatureMatrix.INPUT, DataType.FLOAT, OnnxModelBuilder.BATCH, f);
        String mean = graph.floatInitializer("mean", toFloats(means), 1, f);
        String std = graph.floatInitializer("std", toFloats(stds), 1, f);
        String zero = graph.floatInitializer("zero", new float[] {0f});
        String centroidTensor = graph.floatInitializer("centroids", flatCentroids, 1, k, f);
        String rowAxis = graph.longInitializer("row_axis", new long[] {1}, 1);

        String centred = graph.node("Sub", List.of(FeatureMatrix.INPUT, mean), "centred");
        String scaled = graph.node("Div", List.of(centred, std), "scaled");
        String missing = graph.node("IsNaN", List.of(FeatureMatrix.INPUT), "missing");
        String standardised = graph.node("Where", List.of(missing, zero, scaled), "standardised");
        String perRow = graph.node("Unsqueeze", List.of(standardised, rowAxis), "standardised_row");
        String offsets = graph.node("Sub", List.of(perRow, centroidTensor), "offsets");
        String squared = graph.node("ReduceSumSquare", List.of(offsets), "squared_distances",
                OnnxModelBuilder.intsAttribute("axes", List.of(2L)), attribute("keepdims", 0));
        graph.node("Sqrt", List.of(squared), DISTANCES);
        // Tribuo compares the (square-rooted) distances, so ties are looked for in the same space.
        graph.node("ArgMin", List.of(DISTANCES), SEGMENT, attribute("axis", 1), attribute("keepdims", 0),
                attribute("select_last_index", 0));
        graph.output(SEGMENT, DataType.INT64, OnnxModelBuilder.BATCH);
        graph.output(DISTANCES, DataType.FLOAT, OnnxModelBuilder.BATCH, k);
        return graph.build(metadata, "Nearest of " + k + " k-means centroids over " + f + " standardised features")
                .toByteArray();
    }

    /** The centroids of a Tribuo k-means model, in its feature-id order: the {@code centroids} argument above. */
    public static double[][] centroids(KMeansModel model) {
        DenseVector[] vectors = model.getCentroidVectors();
        double[][] centroids = new double[vectors.length][];
        for (int c = 0; c < vectors.length; c++) {
            centroids[c] = vectors[c].toArray();
        }
        return centroids;
    }

    private static void requireFeatureWidth(String what, double[] values, int features) {
        if (values.length != features) {
            throw new IllegalArgumentException(what + " has " + values.length + " values for " + features
                    + " features; give one per feature, in the order of the metadata's feature names");
        }
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
