package dev.nbo.training.report;

import java.util.List;

/** Maps a value of a chart axis onto the unit interval and names the values worth a tick mark. */
sealed interface Scale permits LinearScale, LogScale {
    double min();

    double max();

    /** 0 at {@link #min()}, 1 at {@link #max()}; values outside the scale are clamped to its ends. */
    double fraction(double value);

    /** True when the value can be drawn where it belongs, rather than clamped to an end of the axis. */
    default boolean contains(double value) {
        double slack = (max() - min()) * 1e-9;
        return Double.isFinite(value) && value >= min() - slack && value <= max() + slack;
    }

    List<Double> ticks();
}
