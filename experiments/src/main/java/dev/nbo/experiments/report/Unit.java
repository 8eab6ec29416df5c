package dev.nbo.experiments.report;

import java.util.Objects;

/**
 * One experimental unit (a customer): its arm, its metric values in {@link UnitTable#metricNames()} order (NaN =
 * missing, excluded from that metric and counted), a pre-period covariate for CUPED (NaN = none) and the time it
 * entered the experiment ({@link #NO_TIME} = unknown).
 */
public record Unit(String arm, double[] metrics, double covariate, long timeMicros) {
    public static final long NO_TIME = Long.MIN_VALUE;

    public Unit {
        Objects.requireNonNull(metrics, "metrics");
        if (arm == null || arm.isBlank()) {
            throw new IllegalArgumentException("a unit needs an arm, got '" + arm + "'");
        }
        if (Double.isInfinite(covariate)) {
            throw new IllegalArgumentException("covariate must be finite or NaN (none), got " + covariate);
        }
        for (double value : metrics) {
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("metric values must be finite or NaN (missing), got " + value
                        + " in arm '" + arm + "'");
            }
        }
        metrics = metrics.clone();
    }

    @Override
    public double[] metrics() {
        return metrics.clone();
    }

    public int metricCount() {
        return metrics.length;
    }

    /** The value of metric {@code index} without copying the array. */
    public double metric(int index) {
        return metrics[index];
    }

    public boolean hasTime() {
        return timeMicros != NO_TIME;
    }
}
