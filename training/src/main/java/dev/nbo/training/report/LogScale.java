package dev.nbo.training.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic axis. Calibration rates of a rare event span several decades (0.05% to 10%); on a linear
 * axis the lower deciles would all sit on the origin.
 */
record LogScale(double min, double max) implements Scale {
    /** The round values of a decade: ends and ticks are 1, 2 or 5 times a power of ten. */
    private static final int[] STEPS = {1, 2, 5};

    LogScale {
        if (!(min > 0 && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("a log scale needs 0 < min < max, got [" + min + ", " + max + "]");
        }
    }

    /** From the round value at or below {@code low} to the one at or above {@code high}; both must be positive. */
    static LogScale covering(double low, double high) {
        if (!(low > 0 && high >= low)) {
            throw new IllegalArgumentException("a log scale covers positive values with low <= high, got [" + low
                    + ", " + high + "]; use a linear scale for zero or negative values");
        }
        double min = low;
        double max = high;
        for (double value : roundValues(low / 10, high * 10)) {
            if (value <= low * (1 + 1e-9)) {
                min = value;
            }
        }
        for (double value : roundValues(low / 10, high * 10)) {
            if (value >= high * (1 - 1e-9)) {
                max = value;
                break;
            }
        }
        return new LogScale(min, max > min ? max : min * 10);
    }

    @Override
    public double fraction(double value) {
        if (!(value > min)) {
            return 0;
        }
        return Math.min(1, Math.log(value / min) / Math.log(max / min));
    }

    /** 1, 2 and 5 times each power of ten; over more than three decades only the powers of ten, to stay legible. */
    @Override
    public List<Double> ticks() {
        List<Double> ticks = new ArrayList<>(roundValues(min, max));
        if (Math.log10(max / min) > 3 + 1e-9) {
            ticks.removeIf(t -> Math.abs(Math.log10(t) - Math.rint(Math.log10(t))) > 1e-9);
        }
        return ticks;
    }

    /** The values 1, 2, 5 × 10^k within [low, high], ascending. */
    private static List<Double> roundValues(double low, double high) {
        List<Double> values = new ArrayList<>();
        for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= (int) Math.ceil(Math.log10(high));
                exponent++) {
            for (int step : STEPS) {
                double value = new BigDecimal(step).scaleByPowerOfTen(exponent).round(MathContext.DECIMAL64)
                        .doubleValue();
                if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
