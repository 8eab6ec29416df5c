package dev.nbo.experiments.stats;

/**
 * Welch's t-test for the difference of two means without assuming equal variances:
 * <pre>
 *   se^2 = sc^2 / nc + st^2 / nt
 *   t    = (mean_t - mean_c) / se
 *   df   = se^4 / ((sc^2 / nc)^2 / (nc - 1) + (st^2 / nt)^2 / (nt - 1))     (Welch-Satterthwaite)
 *   p    = 2 F_df(-|t|),   CI = (mean_t - mean_c) +- t(confidence, df) se
 * </pre>
 * Each arm needs at least two values and the standard error must be positive (two constant arms cannot be tested).
 * The relative lift is {@link RelativeLift} with the variances of the means and the same t critical value.
 */
public final class WelchTest {
    private WelchTest() {
    }

    public static LiftEstimate test(SampleMoments control, SampleMoments treatment, double confidence) {
        if (!isTestable(control, treatment)) {
            throw new IllegalArgumentException("Welch's test needs at least 2 values per arm and some variance, got "
                    + control + " and " + treatment);
        }
        double vc = control.varianceOfMean();
        double vt = treatment.varianceOfMean();
        double se = Math.sqrt(vc + vt);
        double difference = treatment.mean() - control.mean();
        double t = difference / se;
        double df = Math.pow(vc + vt, 2)
                / (vc * vc / (control.n() - 1) + vt * vt / (treatment.n() - 1));
        double critical = CriticalValues.t(confidence, df);
        double half = critical * se;
        return new LiftEstimate(control.mean(), treatment.mean(), difference,
                new Interval(difference - half, difference + half),
                RelativeLift.deltaMethod(control.mean(), vc, treatment.mean(), vt, critical), t, df,
                CriticalValues.tTwoSidedP(t, df));
    }

    /** True when {@link #test} can run: two or more values per arm and a positive standard error. */
    public static boolean isTestable(SampleMoments control, SampleMoments treatment) {
        return control.n() >= 2 && treatment.n() >= 2
                && control.varianceOfMean() + treatment.varianceOfMean() > 0;
    }
}
