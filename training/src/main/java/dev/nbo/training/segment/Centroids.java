package dev.nbo.training.segment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Feature;
import org.tribuo.clustering.kmeans.KMeansModel;

/** Reading k-means centroids out of Tribuo, and scoring them. */
final class Centroids {
    private Centroids() {
    }

    /**
     * The centroids as {@code [cluster id][feature]} with columns in {@code featureNames} order. Tribuo numbers
     * features alphabetically inside the model, so its raw centroid vectors would silently swap columns for anyone
     * reading them in table order (the ONNX export among them).
     */
    static double[][] inFeatureOrder(KMeansModel model, List<String> featureNames) {
        Map<String, Integer> columns = new HashMap<>();
        for (int f = 0; f < featureNames.size(); f++) {
            columns.put(featureNames.get(f), f);
        }
        List<List<Feature>> tribuoCentroids = model.getCentroids();
        double[][] centroids = new double[tribuoCentroids.size()][featureNames.size()];
        for (int s = 0; s < centroids.length; s++) {
            Arrays.fill(centroids[s], Double.NaN);
            for (Feature feature : tribuoCentroids.get(s)) {
                Integer column = columns.get(feature.getName());
                if (column == null) {
                    throw new IllegalStateException("the k-means model knows feature " + feature.getName()
                            + " which the segments do not use " + featureNames);
                }
                centroids[s][column] = feature.getValue();
            }
            for (int f = 0; f < featureNames.size(); f++) {
                if (Double.isNaN(centroids[s][f])) {
                    throw new IllegalStateException("centroid " + s + " has no value for " + featureNames.get(f));
                }
            }
        }
        return centroids;
    }

    /** The within-cluster sum of squares: every row's squared distance to its nearest centroid, summed. */
    static double inertia(double[][] rows, double[][] centroids) {
        double inertia = 0;
        for (double[] row : rows) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] centroid : centroids) {
                nearest = Math.min(nearest, squaredDistance(row, centroid));
            }
            inertia += nearest;
        }
        return inertia;
    }

    static double squaredDistance(double[] x, double[] y) {
        double squares = 0;
        for (int f = 0; f < x.length; f++) {
            double d = x[f] - y[f];
            squares += d * d;
        }
        return squares;
    }
}
