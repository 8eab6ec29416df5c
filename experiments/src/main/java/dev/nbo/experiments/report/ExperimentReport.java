package dev.nbo.experiments.report;

import java.util.List;
import java.util.Map;

/**
 * Everything an A/B report says, in one immutable value that serialises with Jackson (see {@link ReportJson}).
 *
 * @param settings       the settings the report was computed with
 * @param provenance     what went in and which engine computed it
 * @param metrics        metric names, in table order
 * @param binaryMetrics  the binary ones among them
 * @param arms           per arm: units and each metric's rate or mean with its interval; the control arm first
 * @param srm            the sample-ratio-mismatch check of the split
 * @param cuped          per metric, the CUPED adjustment (empty without CUPED)
 * @param comparisons    per treatment arm and metric: lifts, p-values raw and Holm-adjusted, verdict
 * @param verdicts       the verdict lines, in comparison order
 * @param timelines      per treatment arm and metric, the cumulative lift over time (empty without timestamps)
 * @param offPolicy      per arm's policy, its off-policy estimate (empty without logged decisions)
 */
public record ExperimentReport(ReportSettings settings, Provenance provenance, List<String> metrics,
                               List<String> binaryMetrics, List<ArmSummary> arms, SrmCheck srm,
                               List<CupedAdjustment> cuped, List<Comparison> comparisons, List<String> verdicts,
                               List<LiftTimeline> timelines, List<OffPolicyResult> offPolicy) {
    public ExperimentReport {
        metrics = List.copyOf(metrics);
        binaryMetrics = List.copyOf(binaryMetrics);
        arms = List.copyOf(arms);
        cuped = List.copyOf(cuped);
        comparisons = List.copyOf(comparisons);
        verdicts = List.copyOf(verdicts);
        timelines = List.copyOf(timelines);
        offPolicy = List.copyOf(offPolicy);
    }

    /**
     * @param engineVersion  bumped whenever a formula or a default changes, so that two reports can be compared
     * @param units          units in the table
     * @param decisions      logged decisions given for off-policy evaluation
     */
    public record Provenance(int engineVersion, long units, long decisions) {
    }

    public record ArmSummary(String arm, boolean control, long units, List<MetricSummary> metrics) {
        public ArmSummary {
            metrics = List.copyOf(metrics);
        }
    }

    /**
     * One arm's value of one metric: a rate with its Wilson interval (binary) or a mean with its t-interval
     * (continuous, or any metric under CUPED, where it is the adjusted mean).
     *
     * @param n               units with a value for the metric
     * @param missing         units of the arm without one
     * @param value           null when n is 0
     * @param ciLow           null when no interval can be computed (n = 0, or n = 1 for a mean)
     * @param unadjustedValue the plain rate or mean, which differs from {@code value} under CUPED
     */
    public record MetricSummary(String metric, MetricKind kind, boolean cupedAdjusted, long n, long missing,
                                Double value, Double ciLow, Double ciHigh, Double unadjustedValue) {
    }

    public enum MetricKind { BINARY, CONTINUOUS }

    /**
     * @param observed        units per arm
     * @param expectedShares  the configured split, normalised
     * @param expectedUnits   total units times the expected share
     * @param mismatch        p-value below alpha: the split is broken
     */
    public record SrmCheck(Map<String, Long> observed, Map<String, Double> expectedShares,
                           Map<String, Double> expectedUnits, double chiSquare, int degreesOfFreedom,
                           double pValue, double alpha, boolean mismatch, String message) {
    }

    /** {@code theta = cov(Y, X) / var(X)} pooled over all arms, and {@code 1 - var(Y') / var(Y)}. */
    public record CupedAdjustment(String metric, double theta, double covariateMean, double varianceReduction,
                                  long covariateMissing) {
    }

    public enum Outcome { BETTER, WORSE, NO_SIGNIFICANT_DIFFERENCE, NOT_ENOUGH_DATA }

    /**
     * One treatment arm against control on one metric. Nullable numbers are null when the comparison could not be
     * computed ({@link Outcome#NOT_ENOUGH_DATA}), and the relative lift when the control value is 0.
     *
     * @param method            "two-proportion z-test" or "Welch t-test" (on CUPED-adjusted values under CUPED)
     * @param degreesOfFreedom  Welch-Satterthwaite df; null for the z-test
     * @param pAdjusted         Holm-adjusted over all comparisons of the report
     * @param detectableEffect  the absolute lift the test could detect with 80% power at its sample sizes
     */
    public record Comparison(String arm, String metric, MetricKind kind, String method, long controlN,
                             long treatmentN, Double controlValue, Double treatmentValue, Double liftAbs,
                             Double liftAbsLow, Double liftAbsHigh, Double liftRel, Double liftRelLow,
                             Double liftRelHigh, Double statistic, Double degreesOfFreedom, Double pValue,
                             Double pAdjusted, Double detectableEffect, Outcome outcome, String verdict) {
    }

    public record LiftTimeline(String arm, String metric, List<TimelinePoint> points) {
        public LiftTimeline {
            points = List.copyOf(points);
        }
    }

    /** The lift computed on the units that entered up to {@code time}, with its interval (null when not computable). */
    public record TimelinePoint(long timeMicros, String time, long controlN, long treatmentN, Double liftAbs,
                                Double low, Double high) {
    }

    /**
     * @param n        decisions
     * @param matched  decisions where this arm's policy would have shown the action shown
     */
    public record OffPolicyResult(String arm, long n, long matched, Double ips, Double ipsLow, Double ipsHigh,
                                  Double snips, Double snipsLow, Double snipsHigh, double effectiveSampleSize) {
    }
}
