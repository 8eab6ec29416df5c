package dev.nbo.experiments.report;

import static dev.nbo.models.text.HtmlText.escape;

import dev.nbo.experiments.report.ExperimentReport.ArmSummary;
import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.CupedAdjustment;
import dev.nbo.experiments.report.ExperimentReport.LiftTimeline;
import dev.nbo.experiments.report.ExperimentReport.MetricKind;
import dev.nbo.experiments.report.ExperimentReport.MetricSummary;
import dev.nbo.experiments.report.ExperimentReport.OffPolicyResult;
import dev.nbo.experiments.report.ExperimentReport.TimelinePoint;
import dev.nbo.models.feature.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * report.html for a marketer: one self-contained page (inline CSS and SVG, no script, no external asset) with the
 * split banner, the verdict lines, per metric a chart and tables, the cumulative lift over time, the off-policy table
 * and the settings used. Every string that came from the input is escaped.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:60rem;
            color:#111827;padding:0 1rem}
            h1{margin-bottom:.2rem}.sub{color:#6b7280;margin-top:0}
            .banner{padding:.8rem 1rem;border-radius:.4rem;font-weight:600;margin:1rem 0}
            .ok{background:#dcfce7;color:#14532d;border:1px solid #86efac}
            .bad{background:#fee2e2;color:#7f1d1d;border:2px solid #ef4444}
            ul.verdicts{padding-left:1.2rem}ul.verdicts li{margin:.3rem 0}
            .better{color:#166534}.worse{color:#991b1b}.none{color:#374151}.nodata{color:#6b7280}
            table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.9rem}
            th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .6rem;text-align:right}
            th:first-child,td:first-child{text-align:left}th{background:#f9fafb}
            section{margin-top:2rem}svg{max-width:100%;height:auto}
            """;

    private HtmlReport() {
    }

    static String render(ExperimentReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(escape(report.settings().title())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        html.append("<h1>").append(escape(report.settings().title())).append("</h1>")
                .append("<p class=\"sub\">Control: <b>").append(escape(report.settings().controlArm()))
                .append("</b> · ").append(report.provenance().units()).append(" units · ")
                .append(escape(Verdicts.percent(report.settings().confidence()))).append(" confidence")
                .append(report.settings().cuped() ? " · CUPED on" : "").append("</p>\n");
        html.append("<div class=\"banner ").append(report.srm().mismatch() ? "bad" : "ok").append("\">")
                .append(escape(report.srm().message())).append("</div>\n");
        verdicts(html, report);
        for (String metric : report.metrics()) {
            metric(html, report, metric);
        }
        offPolicy(html, report);
        settings(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void verdicts(StringBuilder html, ExperimentReport report) {
        html.append("<section><h2>Verdicts</h2><ul class=\"verdicts\">");
        for (Comparison c : report.comparisons()) {
            String css = switch (c.outcome()) {
                case BETTER -> "better";
                case WORSE -> "worse";
                case NO_SIGNIFICANT_DIFFERENCE -> "none";
                case NOT_ENOUGH_DATA -> "nodata";
            };
            html.append("<li class=\"").append(css).append("\">").append(escape(c.verdict())).append("</li>");
        }
        html.append("</ul></section>\n");
    }

    private static void metric(StringBuilder html, ExperimentReport report, String metric) {
        boolean binary = report.binaryMetrics().contains(metric);
        MetricKind kind = binary ? MetricKind.BINARY : MetricKind.CONTINUOUS;
        DoubleFunction<String> value = binary ? v -> pct(v) : HtmlReport::num;
        html.append("<section><h2>").append(escape(metric)).append("</h2><p class=\"sub\">")
                .append(binary ? "Rate per arm" : "Mean per arm")
                .append(report.settings().cuped() ? " (CUPED-adjusted)" : "").append(" with ")
                .append(escape(Verdicts.percent(report.settings().confidence()))).append(" confidence interval</p>");
        List<SvgCharts.Whisker> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("<table><tr><th>Arm</th><th>Units</th><th>Missing</th><th>")
                .append(binary ? "Rate" : "Mean").append("</th><th>CI low</th><th>CI high</th></tr>");
        for (ArmSummary arm : report.arms()) {
            MetricSummary m = arm.metrics().stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow();
            rows.add(new SvgCharts.Whisker(arm.arm(), m.value(), m.ciLow(), m.ciHigh()));
            table.append("<tr><td>").append(escape(arm.arm())).append(arm.control() ? " (control)" : "")
                    .append("</td><td>").append(m.n()).append("</td><td>").append(m.missing()).append("</td><td>")
                    .append(cell(m.value(), value)).append("</td><td>").append(cell(m.ciLow(), value))
                    .append("</td><td>").append(cell(m.ciHigh(), value)).append("</td></tr>");
        }
        html.append(SvgCharts.whiskers(rows, value)).append(table).append("</table>");
        html.append("<table><tr><th>Arm vs control</th><th>Lift</th><th>CI low</th><th>CI high</th>")
                .append("<th>Relative</th><th>Rel. CI</th><th>p</th><th>Adjusted p</th><th>Test</th></tr>");
        DoubleFunction<String> lift = binary ? v -> Verdicts.magnitude(v, kind) : HtmlReport::num;
        for (Comparison c : report.comparisons()) {
            if (!c.metric().equals(metric)) {
                continue;
            }
            html.append("<tr><td>").append(escape(c.arm())).append("</td><td>").append(cell(c.liftAbs(), lift))
                    .append("</td><td>").append(cell(c.liftAbsLow(), lift)).append("</td><td>")
                    .append(cell(c.liftAbsHigh(), lift)).append("</td><td>").append(cell(c.liftRel(), HtmlReport::pct))
                    .append("</td><td>").append(c.liftRelLow() == null ? "–"
                            : pct(c.liftRelLow()) + " to " + pct(c.liftRelHigh()))
                    .append("</td><td>").append(cell(c.pValue(), HtmlReport::p)).append("</td><td>")
                    .append(cell(c.pAdjusted(), HtmlReport::p)).append("</td><td>").append(escape(c.method()))
                    .append("</td></tr>");
        }
        html.append("</table>");
        timeline(html, report, metric, binary);
        html.append("</section>\n");
    }

    private static void timeline(StringBuilder html, ExperimentReport report, String metric, boolean binary) {
        List<SvgCharts.Series> series = new ArrayList<>();
        for (LiftTimeline timeline : report.timelines()) {
            if (!timeline.metric().equals(metric)) {
                continue;
            }
            List<TimelinePoint> points = timeline.points();
            series.add(new SvgCharts.Series(timeline.arm() + " vs " + report.settings().controlArm(),
                    points.stream().map(TimelinePoint::timeMicros).toList(),
                    points.stream().map(TimelinePoint::liftAbs).toList(),
                    points.stream().map(TimelinePoint::low).toList(),
                    points.stream().map(TimelinePoint::high).toList()));
        }
        if (series.isEmpty()) {
            return;
        }
        html.append("<h3>Cumulative lift over time</h3><p class=\"sub\">Lift on the units that entered so far "
                + "(unadjusted), with its interval; a line that settles away from the dashed zero is a stable effect."
                + "</p>");
        html.append(SvgCharts.timeline(series, binary ? v -> Verdicts.magnitude(v, MetricKind.BINARY)
                : HtmlReport::num, t -> Window.instant((long) t).toString().substring(0, 10)));
    }

    private static void offPolicy(StringBuilder html, ExperimentReport report) {
        if (report.offPolicy().isEmpty()) {
            return;
        }
        html.append("<section><h2>Off-policy estimates</h2><p class=\"sub\">Mean reward each arm's policy would have "
                + "earned on all logged decisions, estimated from the randomized log (IPS, and self-normalised "
                + "SNIPS).</p><table><tr><th>Policy</th><th>Decisions</th><th>Matched</th><th>IPS</th><th>IPS CI</th>"
                + "<th>SNIPS</th><th>SNIPS CI</th><th>Effective sample size</th></tr>");
        for (OffPolicyResult r : report.offPolicy()) {
            html.append("<tr><td>").append(escape(r.arm())).append("</td><td>").append(r.n()).append("</td><td>")
                    .append(r.matched()).append("</td><td>").append(cell(r.ips(), HtmlReport::num))
                    .append("</td><td>").append(range(r.ipsLow(), r.ipsHigh())).append("</td><td>")
                    .append(cell(r.snips(), HtmlReport::num)).append("</td><td>")
                    .append(range(r.snipsLow(), r.snipsHigh())).append("</td><td>")
                    .append(num(r.effectiveSampleSize())).append("</td></tr>");
        }
        html.append("</table></section>\n");
    }

    private static void settings(StringBuilder html, ExperimentReport report) {
        ReportSettings s = report.settings();
        html.append("<section><h2>Settings</h2><table>");
        row(html, "Control arm", s.controlArm());
        row(html, "Expected split", s.expectedWeights().isEmpty() ? "equal" : s.expectedWeights().toString());
        row(html, "Confidence", Verdicts.percent(s.confidence()));
        row(html, "SRM alarm below p", Double.toString(s.srmAlpha()));
        row(html, "Multiple comparisons", "Holm over " + report.comparisons().size() + " comparisons");
        row(html, "CUPED", s.cuped() ? "on" : "off");
        for (CupedAdjustment c : report.cuped()) {
            row(html, "CUPED " + c.metric(), String.format(Locale.ROOT, "theta %.4g, variance reduced by %.1f%%%s",
                    c.theta(), c.varianceReduction() * 100,
                    c.covariateMissing() == 0 ? "" : ", " + c.covariateMissing() + " units without covariate"));
        }
        StringBuilder units = new StringBuilder();
        for (Map.Entry<String, Long> arm : report.srm().observed().entrySet()) {
            units.append(units.length() == 0 ? "" : ", ").append(arm.getKey()).append(' ').append(arm.getValue());
        }
        row(html, "Units per arm", units + String.format(Locale.ROOT, " (chi-square %.3g, p = %.3g)",
                report.srm().chiSquare(), report.srm().pValue()));
        row(html, "Engine version", Integer.toString(report.provenance().engineVersion()));
        html.append("</table></section>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String cell(Double value, DoubleFunction<String> format) {
        return value == null ? "–" : escape(format.apply(value));
    }

    private static String range(Double low, Double high) {
        return low == null ? "–" : num(low) + " to " + num(high);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String p(double value) {
        return value < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", value);
    }
}
