package dev.nbo.training.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** A linear axis from {@code min} to {@code max} with a tick every {@code step}. */
record LinearScale(double min, double max, double step) implements Scale {
    LinearScale {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("a linear scale needs finite ends with min < max, got [" + min + ", "
                    + max + "]");
        }
        if (!(step > 0 && (max - min) / step <= 1000)) {
            throw new IllegalArgumentException("tick step " + step + " does not fit [" + min + ", " + max
                    + "]; use a step that gives at most 1000 ticks");
        }
    }

    /**
     * The smallest scale with round ticks (1, 2 or 5 times a power of ten) that covers {@code [low, high]}, with
     * about {@code ticks} intervals. Degenerate ranges (all values equal, or nothing known) still give a usable axis.
     */
    static LinearScale covering(double low, double high, int ticks) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return new LinearScale(0, 1, 0.25);
        }
        if (low == high) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.5;
            low = low == 0 ? 0 : low - pad;
            high = high + pad;
        }
        double step = roundStep((high - low) / Math.max(1, ticks));
        double min = round(Math.floor(low / step + 1e-9) * step);
        double max = round(Math.ceil(high / step - 1e-9) * step);
        return new LinearScale(min, max, step);
    }

    /** 1, 2 or 5 times a power of ten: the steps people read without effort. */
    private static double roundStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /** To 12 digits, so that 0.1 * 3 is 0.3 and not 0.30000000000000004. */
    private static double round(double value) {
        return new BigDecimal(value).round(new MathContext(12)).doubleValue();
    }

    @Override
    public double fraction(double value) {
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }

    @Override
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long count = Math.round((max - min) / step);
        for (long i = 0; i <= count; i++) {
            ticks.add(round(min + i * step));
        }
        return ticks;
    }
}
