package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.ArmSummary;
import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.MetricSummary;
import java.util.List;
import java.util.Locale;

/**
 * report.csv: one row per arm and metric (RFC 4180). {@code units} are the arm's units with a value for the metric;
 * lift and p-value columns are empty for the control arm and wherever undefined. Text that a spreadsheet would run
 * as a formula (starting with = + - @) gets a leading apostrophe.
 */
final class CsvReport {
    static final List<String> HEADER = List.of("arm", "metric", "kind", "units", "value", "ci_low", "ci_high",
            "lift_abs", "lift_abs_low", "lift_abs_high", "lift_rel", "lift_rel_low", "lift_rel_high", "p_value",
            "p_adjusted", "verdict");

    private CsvReport() {
    }

    static String render(ExperimentReport report) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (ArmSummary arm : report.arms()) {
            for (MetricSummary metric : arm.metrics()) {
                Comparison c = arm.control() ? null : comparison(report, arm.arm(), metric.metric());
                List<String> row = List.of(text(arm.arm()), text(metric.metric()),
                        metric.kind().name().toLowerCase(Locale.ROOT), Long.toString(metric.n()),
                        number(metric.value()), number(metric.ciLow()), number(metric.ciHigh()),
                        c == null ? "" : number(c.liftAbs()), c == null ? "" : number(c.liftAbsLow()),
                        c == null ? "" : number(c.liftAbsHigh()), c == null ? "" : number(c.liftRel()),
                        c == null ? "" : number(c.liftRelLow()), c == null ? "" : number(c.liftRelHigh()),
                        c == null ? "" : number(c.pValue()), c == null ? "" : number(c.pAdjusted()),
                        c == null ? "" : text(c.verdict()));
                csv.append(String.join(",", row)).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static Comparison comparison(ExperimentReport report, String arm, String metric) {
        return report.comparisons().stream().filter(c -> c.arm().equals(arm) && c.metric().equals(metric))
                .findFirst().orElseThrow(() -> new IllegalStateException("no comparison for " + arm + "/" + metric));
    }

    private static String number(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    static String text(String value) {
        String safe = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (safe.matches("(?s).*[,\"\r\n].*") || !safe.equals(safe.strip())) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
