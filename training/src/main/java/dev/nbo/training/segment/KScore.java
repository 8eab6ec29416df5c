package dev.nbo.training.segment;

/**
 * How well one k separated the customers.
 *
 * @param k          the number of segments trained
 * @param silhouette the mean silhouette on the selection sample, in [-1, 1]; higher is better separated. It chooses k.
 * @param inertia    the within-segment sum of squared distances over all customers, in the standardised space, of
 *                   the best of the restarts. It chooses between restarts of one k, never between k values: it
 *                   always falls as k grows.
 */
public record KScore(int k, double silhouette, double inertia) {
    public KScore {
        if (k < 2) {
            throw new IllegalArgumentException("k = " + k + " is not a number of segments; it must be 2 or more");
        }
        if (Double.isNaN(silhouette) || silhouette < -1 - 1e-9 || silhouette > 1 + 1e-9) {
            throw new IllegalArgumentException("silhouette " + silhouette + " for k = " + k + " is outside [-1, 1]");
        }
        if (!(inertia >= 0) || Double.isInfinite(inertia)) {
            throw new IllegalArgumentException("inertia " + inertia + " for k = " + k + " is not a finite sum of "
                    + "squares >= 0");
        }
    }
}
