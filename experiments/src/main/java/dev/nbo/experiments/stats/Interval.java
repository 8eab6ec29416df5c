package dev.nbo.experiments.stats;

/** A two-sided confidence interval {@code [low, high]}. */
public record Interval(double low, double high) {
    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("interval needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    public double width() {
        return high - low;
    }
}
