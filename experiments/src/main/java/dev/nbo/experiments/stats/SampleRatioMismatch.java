package dev.nbo.experiments.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The sample-ratio-mismatch check: a chi-square goodness-of-fit test of the units per arm against the configured
 * split. With {@code N} units in all and weights {@code w_i} normalised to sum to 1,
 * <pre>
 *   E_i = N w_i,   chi^2 = sum (O_i - E_i)^2 / E_i,   df = k - 1,   p = 1 - F_chi2(df)(chi^2)
 * </pre>
 * A tiny p-value means the assignment or the logging lost or duplicated units in one arm, so every comparison is
 * suspect however significant it looks.
 */
public final class SampleRatioMismatch {
    private SampleRatioMismatch() {
    }

    public record Result(double chiSquare, int degreesOfFreedom, double pValue, double[] expected) {
    }

    public static Result test(long[] observed, double[] weights) {
        if (observed.length < 2 || observed.length != weights.length) {
            throw new IllegalArgumentException("need the same number (>= 2) of counts and weights, got "
                    + Arrays.toString(observed) + " and " + Arrays.toString(weights));
        }
        double weightSum = 0;
        long total = 0;
        for (int i = 0; i < observed.length; i++) {
            if (!(weights[i] > 0) || !Double.isFinite(weights[i]) || observed[i] < 0) {
                throw new IllegalArgumentException("weights must be positive and counts non-negative, got "
                        + Arrays.toString(observed) + " and " + Arrays.toString(weights));
            }
            weightSum += weights[i];
            total += observed[i];
        }
        if (total == 0) {
            throw new IllegalArgumentException("no units to test the split on");
        }
        double[] expected = new double[observed.length];
        double chiSquare = 0;
        for (int i = 0; i < observed.length; i++) {
            expected[i] = total * weights[i] / weightSum;
            double gap = observed[i] - expected[i];
            chiSquare += gap * gap / expected[i];
        }
        int df = observed.length - 1;
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(chiSquare);
        return new Result(chiSquare, df, Math.max(0, p), expected);
    }
}
