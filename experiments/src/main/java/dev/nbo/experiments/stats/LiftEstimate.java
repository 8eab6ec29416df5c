package dev.nbo.experiments.stats;

/**
 * A treatment-versus-control comparison: the two values, the absolute lift {@code treatment - control} with its
 * interval, the relative lift, the test statistic (z or t), its degrees of freedom (null for z) and the two-sided
 * p-value.
 */
public record LiftEstimate(double control, double treatment, double absolute, Interval absoluteInterval,
                           RelativeLift relative, double statistic, Double degreesOfFreedom, double pValue) {
}
