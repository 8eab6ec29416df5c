package dev.nbo.experiments.stats;

/** The t-interval for a mean: {@code mean +- t(confidence, n - 1) * s / sqrt(n)}. Needs at least two values. */
public final class MeanInterval {
    private MeanInterval() {
    }

    public static Interval t(SampleMoments sample, double confidence) {
        if (sample.n() < 2) {
            throw new IllegalArgumentException("a t-interval needs at least 2 values, got " + sample.n());
        }
        double half = CriticalValues.t(confidence, sample.n() - 1) * Math.sqrt(sample.varianceOfMean());
        return new Interval(sample.mean() - half, sample.mean() + half);
    }
}
