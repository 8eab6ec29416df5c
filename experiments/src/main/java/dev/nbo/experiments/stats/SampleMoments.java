package dev.nbo.experiments.stats;

/**
 * Count, mean and unbiased sample variance {@code s^2 = sum (x - mean)^2 / (n - 1)} of a sample ({@code variance} is 0
 * for a single value). Built with {@link RunningMoments}, which is numerically stable (Welford).
 */
public record SampleMoments(long n, double mean, double variance) {
    public SampleMoments {
        if (n < 0 || Double.isNaN(mean) && n > 0 || variance < 0 || Double.isNaN(variance)) {
            throw new IllegalArgumentException("bad moments n=" + n + " mean=" + mean + " variance=" + variance);
        }
    }

    public static SampleMoments of(double... values) {
        RunningMoments running = new RunningMoments();
        for (double value : values) {
            running.add(value);
        }
        return running.moments();
    }

    /** Variance of the mean, {@code s^2 / n}. */
    public double varianceOfMean() {
        return variance / n;
    }

    public double standardDeviation() {
        return Math.sqrt(variance);
    }
}
