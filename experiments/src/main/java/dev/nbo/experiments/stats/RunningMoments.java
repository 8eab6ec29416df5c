package dev.nbo.experiments.stats;

/**
 * Accumulates {@link SampleMoments} one value at a time with Welford's update ({@code delta = x - mean; mean +=
 * delta / n; m2 += delta (x - mean)}), which keeps the variance exact where {@code sum x^2 - n mean^2} cancels. Also
 * keeps the plain sum, which counts successes exactly for 0/1 values.
 */
public final class RunningMoments {
    private long n;
    private double mean;
    private double m2;
    private double sum;

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        n++;
        double delta = value - mean;
        mean += delta / n;
        m2 += delta * (value - mean);
        sum += value;
    }

    public long n() {
        return n;
    }

    public double sum() {
        return sum;
    }

    public SampleMoments moments() {
        return new SampleMoments(n, n == 0 ? 0 : mean, n < 2 ? 0 : Math.max(0, m2 / (n - 1)));
    }
}
