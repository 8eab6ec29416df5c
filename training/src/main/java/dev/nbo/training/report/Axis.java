package dev.nbo.training.report;

import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A value axis of a chart: what it measures, its scale, how its tick labels read and how a data value reads (tick
 * labels are round, values may need more digits).
 */
record Axis(String label, Scale scale, DoubleFunction<String> tickFormat, DoubleFunction<String> valueFormat) {
    Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(tickFormat, "tickFormat");
        Objects.requireNonNull(valueFormat, "valueFormat");
    }

    /** An axis whose values read like its ticks. */
    Axis(String label, Scale scale, DoubleFunction<String> format) {
        this(label, scale, format, format);
    }

    String tickLabel(double value) {
        return tickFormat.apply(value);
    }

    String valueLabel(double value) {
        return valueFormat.apply(value);
    }
}
