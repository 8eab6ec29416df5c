package dev.nbo.experiments.stats;

/**
 * The Wilson score interval for a rate {@code p = x / n}: with {@code z} the two-sided critical value,
 * <pre>
 *   center = (p + z^2 / 2n) / (1 + z^2 / n)
 *   half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
 * </pre>
 * Unlike the Wald interval it stays inside [0, 1] and keeps its coverage near 0 and 1 and for small {@code n}.
 */
public final class ProportionInterval {
    private ProportionInterval() {
    }

    public static Interval wilson(long successes, long n, double confidence) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + "/" + n);
        }
        double z = CriticalValues.z(confidence);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, center - half), Math.min(1, center + half));
    }
}
