package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.MetricKind;
import dev.nbo.experiments.report.ExperimentReport.Outcome;
import dev.nbo.experiments.stats.LiftEstimate;
import dev.nbo.experiments.stats.Power;
import dev.nbo.experiments.stats.SampleMoments;
import dev.nbo.experiments.stats.TwoProportionTest;
import dev.nbo.experiments.stats.WelchTest;

/**
 * One treatment arm against control on one metric: the two-proportion z-test for a binary metric, Welch's t-test for
 * a continuous one and for any metric under CUPED. The result carries no adjusted p-value or verdict yet; those
 * need every comparison of the report (Holm).
 */
final class ArmComparisons {
    /** Power at which the "could detect" effect of a verdict is computed. */
    static final double VERDICT_POWER = 0.8;
    static final String Z_TEST = "two-proportion z-test";
    static final String WELCH = "Welch t-test";
    static final String WELCH_CUPED = "Welch t-test on CUPED-adjusted values";

    private ArmComparisons() {
    }

    static Comparison compare(MetricSamples samples, String control, String arm, ReportSettings settings) {
        MetricKind kind = samples.binary() ? MetricKind.BINARY : MetricKind.CONTINUOUS;
        if (samples.binary() && !samples.adjusted()) {
            long nc = samples.unadjustedMoments(control).n();
            long nt = samples.unadjustedMoments(arm).n();
            if (nc == 0 || nt == 0) {
                return notEnoughData(arm, samples.metric(), kind, Z_TEST, nc, nt);
            }
            long xc = samples.successes(control);
            long xt = samples.successes(arm);
            LiftEstimate estimate = TwoProportionTest.test(xc, nc, xt, nt, settings.confidence());
            double pooled = (double) (xc + xt) / (nc + nt);
            Double mde = pooled > 0 && pooled < 1
                    ? Power.mde(Math.sqrt(pooled * (1 - pooled)), nc, nt, settings.alpha(), VERDICT_POWER)
                    : null;
            return of(arm, samples.metric(), kind, Z_TEST, nc, nt, estimate, mde);
        }
        SampleMoments c = samples.moments(control);
        SampleMoments t = samples.moments(arm);
        String method = samples.adjusted() ? WELCH_CUPED : WELCH;
        if (!WelchTest.isTestable(c, t)) {
            return notEnoughData(arm, samples.metric(), kind, method, c.n(), t.n());
        }
        LiftEstimate estimate = WelchTest.test(c, t, settings.confidence());
        double se = Math.sqrt(c.varianceOfMean() + t.varianceOfMean());
        return of(arm, samples.metric(), kind, method, c.n(), t.n(), estimate,
                Power.mdeFromStandardError(se, settings.alpha(), VERDICT_POWER));
    }

    /** The comparison with its Holm-adjusted p-value, outcome and verdict line. */
    static Comparison finish(Comparison raw, Double pAdjusted, String controlArm, ReportSettings settings,
                             boolean splitBroken) {
        Outcome outcome;
        if (pAdjusted == null) {
            outcome = Outcome.NOT_ENOUGH_DATA;
        } else if (pAdjusted >= settings.alpha() || raw.liftAbs() == 0) {
            outcome = Outcome.NO_SIGNIFICANT_DIFFERENCE;
        } else {
            outcome = raw.liftAbs() > 0 ? Outcome.BETTER : Outcome.WORSE;
        }
        Comparison withOutcome = copy(raw, pAdjusted, outcome, null);
        return copy(raw, pAdjusted, outcome, Verdicts.line(withOutcome, controlArm, settings.confidence(),
                splitBroken));
    }

    private static Comparison copy(Comparison raw, Double pAdjusted, Outcome outcome, String verdict) {
        return new Comparison(raw.arm(), raw.metric(), raw.kind(), raw.method(), raw.controlN(), raw.treatmentN(),
                raw.controlValue(), raw.treatmentValue(), raw.liftAbs(), raw.liftAbsLow(), raw.liftAbsHigh(),
                raw.liftRel(), raw.liftRelLow(), raw.liftRelHigh(), raw.statistic(), raw.degreesOfFreedom(),
                raw.pValue(), pAdjusted, raw.detectableEffect(), outcome, verdict);
    }

    private static Comparison of(String arm, String metric, MetricKind kind, String method, long nc, long nt,
                                 LiftEstimate e, Double mde) {
        Double relLow = e.relative().interval() == null ? null : e.relative().interval().low();
        Double relHigh = e.relative().interval() == null ? null : e.relative().interval().high();
        return new Comparison(arm, metric, kind, method, nc, nt, e.control(), e.treatment(), e.absolute(),
                e.absoluteInterval().low(), e.absoluteInterval().high(), e.relative().estimate(), relLow, relHigh,
                e.statistic(), e.degreesOfFreedom(), e.pValue(), null, mde, null, null);
    }

    private static Comparison notEnoughData(String arm, String metric, MetricKind kind, String method, long nc,
                                            long nt) {
        return new Comparison(arm, metric, kind, method, nc, nt, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
