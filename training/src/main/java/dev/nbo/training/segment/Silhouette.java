package dev.nbo.training.segment;

import java.util.stream.IntStream;

/**
 * The mean silhouette of a clustering (Rousseeuw, 1987), the criterion that chooses k.
 *
 * <p>For a point {@code i}, {@code a} is its mean Euclidean distance to the other members of its cluster and
 * {@code b} the smallest mean distance to the members of another cluster; its silhouette is
 * {@code (b - a) / max(a, b)}, from -1 (closer to another cluster) to 1 (deep inside its own). A point alone in its
 * cluster scores 0, as does every point when the points fall in a single cluster, so a degenerate k never wins.
 *
 * <p>It costs O(n² · features), which is why the trainer computes it on a seeded sample. Unlike the within-cluster
 * sum of squares it does not keep improving as k grows, so its maximum is a usable choice without an elbow to judge.
 */
final class Silhouette {
    private Silhouette() {
    }

    /**
     * @param points one row per point, all of the same length
     * @param labels the cluster of each point, in {@code [0, k)}
     * @param k      the number of clusters
     */
    static double mean(double[][] points, int[] labels, int k) {
        if (points.length != labels.length) {
            throw new IllegalArgumentException(points.length + " points but " + labels.length + " labels");
        }
        int[] sizes = new int[k];
        for (int label : labels) {
            if (label < 0 || label >= k) {
                throw new IllegalArgumentException("label " + label + " is outside [0, " + k + ")");
            }
            sizes[label]++;
        }
        double[] scores = new double[points.length];
        // Each point is independent, so the parallel loop writes disjoint cells; summing afterwards in index order
        // keeps the result identical from run to run whatever the thread count.
        IntStream.range(0, points.length).parallel()
                .forEach(i -> scores[i] = ofPoint(i, points, labels, sizes));
        double sum = 0;
        for (double score : scores) {
            sum += score;
        }
        return sum / points.length;
    }

    private static double ofPoint(int i, double[][] points, int[] labels, int[] sizes) {
        int own = labels[i];
        if (sizes[own] < 2) {
            return 0.0;
        }
        double[] distanceSums = new double[sizes.length];
        for (int j = 0; j < points.length; j++) {
            if (j != i) {
                distanceSums[labels[j]] += distance(points[i], points[j]);
            }
        }
        double a = distanceSums[own] / (sizes[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < sizes.length; c++) {
            if (c != own && sizes[c] > 0) {
                b = Math.min(b, distanceSums[c] / sizes[c]);
            }
        }
        if (b == Double.POSITIVE_INFINITY || Math.max(a, b) == 0.0) {
            return 0.0;
        }
        return (b - a) / Math.max(a, b);
    }

    private static double distance(double[] x, double[] y) {
        double squares = 0;
        for (int f = 0; f < x.length; f++) {
            double d = x[f] - y[f];
            squares += d * d;
        }
        return Math.sqrt(squares);
    }
}
