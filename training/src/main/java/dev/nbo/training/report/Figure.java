package dev.nbo.training.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A number read from metrics.json, formatted for people. An unknown figure (missing, null, NaN or infinite) is shown
 * as an en dash in every format, never as "NaN", so a reader sees at once that the value was not measured.
 */
record Figure(double value) {
    static final String UNKNOWN = "\u2013";
    private static final char MINUS = '\u2212';

    static Figure unknown() {
        return new Figure(Double.NaN);
    }

    boolean known() {
        return Double.isFinite(value);
    }

    /** Fixed decimals: {@code 0.583}. */
    String decimal(int digits) {
        return known() ? typographic(String.format(Locale.ROOT, "%." + digits + "f", value)) : UNKNOWN;
    }

    /** A share as a percentage with fixed decimals: {@code 0.412 -> 41.2%}. */
    String percent(int digits) {
        return known() ? typographic(String.format(Locale.ROOT, "%." + digits + "f%%", value * 100)) : UNKNOWN;
    }

    /**
     * A probability as a percentage with three significant digits, so that tiny rates stay distinct
     * ({@code 0.0009 -> 0.0900%}, {@code 0.0156 -> 1.56%}).
     */
    String rate() {
        if (!known()) {
            return UNKNOWN;
        }
        if (value == 0) {
            return "0%";
        }
        return typographic(new BigDecimal(value * 100).round(new MathContext(3)).toPlainString()) + "%";
    }

    /** A relative change with its sign: {@code +40.8%}, {@code −7.3%}. */
    String signedPercent() {
        if (!known()) {
            return UNKNOWN;
        }
        String magnitude = String.format(Locale.ROOT, "%.1f%%", Math.abs(value) * 100);
        return (value < 0 ? MINUS + magnitude : "+" + magnitude);
    }

    /** A count with thousands separators: {@code 22,253}; fractional counts are rounded. */
    String count() {
        return known() ? typographic(String.format(Locale.ROOT, "%,d", Math.round(value))) : UNKNOWN;
    }

    /** Seconds of wall-clock time: {@code 12.4 s}. */
    String seconds() {
        return known() ? typographic(String.format(Locale.ROOT, "%.1f s", value)) : UNKNOWN;
    }

    /**
     * A number whose size is not known in advance (hyper-parameters, tolerances, score differences): integers as
     * such, very small or large values in scientific notation ({@code 3.1e−7}), others with up to four significant
     * digits.
     */
    String plain() {
        if (!known()) {
            return UNKNOWN;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return typographic(Long.toString((long) value));
        }
        double magnitude = Math.abs(value);
        if (magnitude < 1e-3 || magnitude >= 1e7) {
            String[] parts = String.format(Locale.ROOT, "%.2e", value).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
            return typographic(mantissa + "e" + Integer.parseInt(parts[1]));
        }
        return typographic(new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString());
    }

    /** A true minus sign reads better than a hyphen in a table of figures. */
    private static String typographic(String formatted) {
        return formatted.replace('-', MINUS);
    }
}
