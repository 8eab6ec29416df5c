package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.ArmSummary;
import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.CupedAdjustment;
import dev.nbo.experiments.report.ExperimentReport.MetricKind;
import dev.nbo.experiments.report.ExperimentReport.MetricSummary;
import dev.nbo.experiments.report.ExperimentReport.Provenance;
import dev.nbo.experiments.report.ExperimentReport.SrmCheck;
import dev.nbo.experiments.stats.Holm;
import dev.nbo.experiments.stats.Interval;
import dev.nbo.experiments.stats.MeanInterval;
import dev.nbo.experiments.stats.ProportionInterval;
import dev.nbo.experiments.stats.SampleMoments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Computes an {@link ExperimentReport} from a table of units: per-arm rates and means, every treatment arm against
 * control on every metric, Holm's correction across all those comparisons, the split check, optional CUPED, the
 * cumulative-lift timeline and, given logged decisions, off-policy estimates. Pure: no I/O, same input same report.
 */
public final class ReportEngine {
    /** Bumped whenever a formula or a default changes; written into every report's provenance. */
    public static final int ENGINE_VERSION = 1;

    private ReportEngine() {
    }

    public static ExperimentReport analyze(UnitTable table, ReportSettings settings,
                                           List<LoggedDecision> decisionsOrEmpty) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(settings, "settings");
        List<LoggedDecision> decisions = decisionsOrEmpty == null ? List.of() : decisionsOrEmpty;
        List<String> arms = arms(table, settings.controlArm());
        SrmCheck srm = SplitCheck.check(table, arms, settings);

        List<MetricSamples> samples = new ArrayList<>();
        List<CupedAdjustment> cuped = new ArrayList<>();
        for (int m = 0; m < table.metricNames().size(); m++) {
            MetricSamples metric = MetricSamples.of(table, m, arms, settings.cuped());
            samples.add(metric);
            if (metric.adjusted()) {
                cuped.add(metric.cuped());
            }
        }

        List<ArmSummary> summaries = new ArrayList<>();
        for (String arm : arms) {
            summaries.add(summary(arm, arm.equals(settings.controlArm()), samples, settings.confidence()));
        }
        List<Comparison> comparisons = compare(arms, samples, settings, srm.mismatch());
        List<String> verdicts = comparisons.stream().map(Comparison::verdict).toList();

        return new ExperimentReport(settings, new Provenance(ENGINE_VERSION, table.units().size(), decisions.size()),
                table.metricNames(), table.metricNames().stream().filter(table::isBinary).toList(), summaries, srm,
                cuped, comparisons, verdicts, LiftTimelines.build(table, arms, settings),
                OffPolicyEvaluation.evaluate(decisions, arms, settings.confidence()));
    }

    /** The control arm first, then the others in the order they first appear in the table. */
    private static List<String> arms(UnitTable table, String control) {
        Set<String> arms = new LinkedHashSet<>();
        for (Unit unit : table.units()) {
            arms.add(unit.arm());
        }
        if (!arms.contains(control)) {
            throw new IllegalArgumentException("control arm '" + control + "' has no units; arms in the data are "
                    + arms);
        }
        if (arms.size() < 2) {
            throw new IllegalArgumentException("a report needs a control and at least one other arm; the data has "
                    + "only '" + control + "'");
        }
        List<String> ordered = new ArrayList<>();
        ordered.add(control);
        arms.stream().filter(arm -> !arm.equals(control)).forEach(ordered::add);
        return ordered;
    }

    private static List<Comparison> compare(List<String> arms, List<MetricSamples> samples, ReportSettings settings,
                                            boolean splitBroken) {
        List<Comparison> raw = new ArrayList<>();
        for (String arm : arms.subList(1, arms.size())) {
            for (MetricSamples metric : samples) {
                raw.add(ArmComparisons.compare(metric, settings.controlArm(), arm, settings));
            }
        }
        double[] pValues = raw.stream().filter(c -> c.pValue() != null).mapToDouble(Comparison::pValue).toArray();
        double[] adjusted = Holm.adjust(pValues);
        List<Comparison> finished = new ArrayList<>();
        int next = 0;
        for (Comparison comparison : raw) {
            Double pAdjusted = comparison.pValue() == null ? null : adjusted[next++];
            finished.add(ArmComparisons.finish(comparison, pAdjusted, settings.controlArm(), settings, splitBroken));
        }
        return finished;
    }

    private static ArmSummary summary(String arm, boolean control, List<MetricSamples> samples, double confidence) {
        List<MetricSummary> metrics = new ArrayList<>();
        long units = 0;
        for (MetricSamples metric : samples) {
            SampleMoments moments = metric.moments(arm);
            long n = moments.n();
            units = n + metric.missing(arm);
            // A rate is successes / n exactly; a running mean of 0/1 values can be off in the last digit.
            Double plain = n == 0 ? null
                    : metric.binary() ? (Double) ((double) metric.successes(arm) / n)
                    : (Double) metric.unadjustedMoments(arm).mean();
            boolean rate = metric.binary() && !metric.adjusted();
            Double value = rate || n == 0 ? plain : (Double) moments.mean();
            Interval interval = null;
            if (rate && n > 0) {
                interval = ProportionInterval.wilson(metric.successes(arm), n, confidence);
            } else if (!rate && n >= 2) {
                interval = MeanInterval.t(moments, confidence);
            }
            metrics.add(new MetricSummary(metric.metric(),
                    metric.binary() ? MetricKind.BINARY : MetricKind.CONTINUOUS, metric.adjusted(), n,
                    metric.missing(arm), value, interval == null ? null : interval.low(),
                    interval == null ? null : interval.high(), plain));
        }
        return new ArmSummary(arm, control, units, metrics);
    }
}
