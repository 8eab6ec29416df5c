package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.MetricKind;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Verdict lines in plain English for a marketer, e.g. "model beats control on click rate: +1.9 pts (+23%, 95% CI +0.8
 * to +3.0 pts), adjusted p = 0.002 — significant". Rates are shown in percentage points ("pts"), means in the
 * metric's unit with three significant digits. "Beats" means a higher value.
 */
final class Verdicts {
    static final String SPLIT_BROKEN = "SPLIT IS BROKEN (sample ratio mismatch) — results are not trustworthy: ";

    private Verdicts() {
    }

    static String line(Comparison c, String controlArm, double confidence, boolean splitBroken) {
        String body = switch (c.outcome()) {
            case NOT_ENOUGH_DATA -> c.arm() + " vs " + controlArm + " on " + c.metric()
                    + ": not enough data to compare (" + c.treatmentN() + " vs " + c.controlN() + " units with a value)";
            case NO_SIGNIFICANT_DIFFERENCE -> c.arm() + " vs " + controlArm + " on " + c.metric()
                    + ": no significant difference (adjusted p " + pValue(c.pAdjusted()) + ")"
                    + (c.detectableEffect() == null ? ""
                            : "; the test could detect ±" + magnitude(c.detectableEffect(), c.kind()));
            case BETTER, WORSE -> c.arm() + (c.outcome() == ExperimentReport.Outcome.BETTER ? " beats "
                    : " is worse than ") + controlArm + " on " + c.metric() + ": " + lift(c, confidence)
                    + ", adjusted p " + pValue(c.pAdjusted()) + " — significant";
        };
        return splitBroken ? SPLIT_BROKEN + body : body;
    }

    private static String lift(Comparison c, double confidence) {
        double scale = Math.max(Math.abs(c.liftAbs()), Math.max(Math.abs(c.liftAbsLow()), Math.abs(c.liftAbsHigh())));
        String unit = c.kind() == MetricKind.BINARY ? " pts" : "";
        String relative = c.liftRel() == null ? "" : signedPercent(c.liftRel()) + ", ";
        return signed(c.liftAbs(), scale, c.kind()) + unit + " (" + relative + percent(confidence) + " CI "
                + signed(c.liftAbsLow(), scale, c.kind()) + " to " + signed(c.liftAbsHigh(), scale, c.kind()) + unit
                + ")";
    }

    /** "= 0.41", "= 0.002", "< 0.001". */
    static String pValue(double p) {
        if (p < 0.001) {
            return "< 0.001";
        }
        return "= " + String.format(Locale.ROOT, p < 0.01 ? "%.3f" : "%.2f", p);
    }

    static String magnitude(double value, MetricKind kind) {
        return kind == MetricKind.BINARY ? number(value * 100, decimalsForPoints(value * 100)) + " pts"
                : number(value, decimalsForMeans(value));
    }

    static String signed(double value, double scale, MetricKind kind) {
        String text = kind == MetricKind.BINARY ? number(value * 100, decimalsForPoints(scale * 100))
                : number(value, decimalsForMeans(scale));
        return text.startsWith("-") ? text : "+" + text;
    }

    static String signedPercent(double ratio) {
        String text = number(ratio * 100, Math.abs(ratio) < 0.01 ? 1 : 0) + "%";
        return text.startsWith("-") ? text : "+" + text;
    }

    /** 0.95 -> "95%", 0.975 -> "97.5%". */
    static String percent(double confidence) {
        return new BigDecimal(Double.toString(confidence * 100)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Two significant digits of percentage points, at least one decimal: 1.9, 0.83, 12.4. */
    private static int decimalsForPoints(double scale) {
        return clamp(1 - magnitudeOf(scale), 1, 6);
    }

    /** Three significant digits of the largest number shown: 1.25, 12.3, 0.0521. */
    private static int decimalsForMeans(double scale) {
        return clamp(2 - magnitudeOf(scale), 0, 6);
    }

    private static int magnitudeOf(double scale) {
        return scale == 0 || !Double.isFinite(scale) ? 0 : (int) Math.floor(Math.log10(Math.abs(scale)));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String number(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }
}
