package dev.nbo.training.segment;

/**
 * How well one k separated the customers: the mean silhouette of its segments on the selection sample.
 *
 * @param k          the number of segments trained
 * @param silhouette the mean silhouette, in [-1, 1]; higher is better separated
 */
public record KScore(int k, double silhouette) {
    public KScore {
        if (k < 2) {
            throw new IllegalArgumentException("k = " + k + " is not a number of segments; it must be 2 or more");
        }
        if (Double.isNaN(silhouette) || silhouette < -1 - 1e-9 || silhouette > 1 + 1e-9) {
            throw new IllegalArgumentException("silhouette " + silhouette + " for k = " + k + " is outside [-1, 1]");
        }
    }
}
