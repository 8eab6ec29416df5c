package dev.nbo.training.segment;

import java.util.List;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;

/**
 * Trained customer segments: the standardisation, the k-means centroids and the Tribuo model they came from.
 *
 * <p>Segment ids are Tribuo's cluster ids, which in Tribuo 4.3.2 are 0-based (centroid {@code i} predicts
 * {@code ClusterID(i)}), so segment {@code s} is row {@code s} of {@link #centroids()}.
 *
 * <p>{@link #featureNames()}, {@link #means()}, {@link #stds()} and {@link #centroids()} are exactly what the ONNX
 * segment graph is built from: centroids are in the standardised space and their columns follow
 * {@link #featureNames()}, not Tribuo's internal (alphabetical) feature order. {@link #assign(double[])} asks the
 * Tribuo model, not a second copy of the distance code, so that the ONNX parity check compares two independent
 * implementations.
 */
public final class SegmentModel {
    private final Standardization standardization;
    private final KMeansModel tribuoModel;
    private final double[][] centroids;
    private final List<KScore> selection;
    private final SegmentConfig config;
    private final String[] names;

    /**
     * @param selection the silhouette and inertia of every k tried, ascending k (one entry when k was fixed)
     * @param config    the configuration it was trained with, kept as provenance
     */
    SegmentModel(Standardization standardization, KMeansModel tribuoModel, List<KScore> selection,
            SegmentConfig config) {
        this.standardization = standardization;
        this.tribuoModel = tribuoModel;
        this.selection = List.copyOf(selection);
        this.config = config;
        this.names = standardization.featureNames().toArray(String[]::new);
        this.centroids = Centroids.inFeatureOrder(tribuoModel, standardization.featureNames());
    }

    public List<String> featureNames() {
        return standardization.featureNames();
    }

    /** Feature means in original units, in {@link #featureNames()} order. */
    public double[] means() {
        return standardization.means();
    }

    /** Feature standard deviations in original units (1 for a constant feature). */
    public double[] stds() {
        return standardization.stds();
    }

    public Standardization standardization() {
        return standardization;
    }

    /** A copy of the centroids: {@code [segment][feature]}, standardised space, {@link #featureNames()} order. */
    public double[][] centroids() {
        double[][] copy = new double[centroids.length][];
        for (int s = 0; s < centroids.length; s++) {
            copy[s] = centroids[s].clone();
        }
        return copy;
    }

    /** The number of segments. */
    public int k() {
        return centroids.length;
    }

    public KMeansModel tribuoModel() {
        return tribuoModel;
    }

    /** The silhouette of every k tried, in ascending k; the chosen k has the highest. */
    public List<KScore> selection() {
        return selection;
    }

    public SegmentConfig config() {
        return config;
    }

    /** The segment of a customer, from a row in original units and {@link #featureNames()} order (NaN = missing). */
    public int assign(double[] rawRow) {
        return assignStandardised(standardization.apply(rawRow));
    }

    /** The segment of every customer of a table that has (at least) this model's features. */
    public int[] assign(CustomerTable table) {
        double[][] z = standardization.apply(table.select(featureNames()));
        int[] segments = new int[z.length];
        for (int row = 0; row < z.length; row++) {
            segments[row] = assignStandardised(z[row]);
        }
        return segments;
    }

    private int assignStandardised(double[] z) {
        ClusterID cluster = tribuoModel.predict(ClusterExamples.of(names, z)).getOutput();
        return cluster.getID();
    }

    /** Euclidean distance, in the standardised space, from a customer (original units) to every centroid. */
    public double[] distances(double[] rawRow) {
        double[] z = standardization.apply(rawRow);
        double[] distances = new double[centroids.length];
        for (int s = 0; s < centroids.length; s++) {
            distances[s] = Math.sqrt(Centroids.squaredDistance(z, centroids[s]));
        }
        return distances;
    }

    @Override
    public String toString() {
        return "SegmentModel[k=" + k() + ", features=" + featureNames() + "]";
    }
}
