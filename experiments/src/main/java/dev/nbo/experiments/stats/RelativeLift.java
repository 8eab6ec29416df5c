package dev.nbo.experiments.stats;

/**
 * Relative lift {@code treatment / control - 1} with a delta-method interval on the log of the ratio:
 * <pre>
 *   Var(log(T / C)) ~ Var(T) / T^2 + Var(C) / C^2
 *   CI = exp(log(T / C) +- critical * sqrt(Var(log(T / C)))) - 1
 * </pre>
 * where {@code Var(T)}, {@code Var(C)} are the variances of the two estimates (of the rates or means, not of the
 * units). Working on the log keeps the interval asymmetric and above -100%. The estimate is undefined (null) when the
 * control value is 0; the interval is undefined when either value is not positive, as its log does not exist.
 *
 * @param estimate null when the control value is 0
 * @param interval null when either value is not positive
 */
public record RelativeLift(Double estimate, Interval interval) {

    public static RelativeLift deltaMethod(double control, double controlVariance, double treatment,
                                           double treatmentVariance, double critical) {
        if (control == 0) {
            return new RelativeLift(null, null);
        }
        double estimate = treatment / control - 1;
        if (control < 0 || treatment <= 0) {
            return new RelativeLift(estimate, null);
        }
        double logRatio = Math.log(treatment / control);
        double se = Math.sqrt(treatmentVariance / (treatment * treatment) + controlVariance / (control * control));
        return new RelativeLift(estimate,
                new Interval(Math.expm1(logRatio - critical * se), Math.expm1(logRatio + critical * se)));
    }
}
