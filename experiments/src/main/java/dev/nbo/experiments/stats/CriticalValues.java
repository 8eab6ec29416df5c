package dev.nbo.experiments.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two-sided critical values and tail probabilities. Distributions are built without a random generator: only their
 * cumulative and inverse functions are used, and seeding a generator for each would dominate the cost of a test.
 */
public final class CriticalValues {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private CriticalValues() {
    }

    /** {@code z} with {@code P(|Z| <= z) = confidence}, i.e. the {@code (1 + confidence) / 2} normal quantile. */
    public static double z(double confidence) {
        checkConfidence(confidence);
        return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /** The normal quantile {@code Phi^-1(probability)}; power calculations use {@code Phi^-1(power)}. */
    public static double normalQuantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(probability);
    }

    /** {@code t} with {@code P(|T_df| <= t) = confidence}. */
    public static double t(double confidence, double degreesOfFreedom) {
        checkConfidence(confidence);
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /** Two-sided normal p-value {@code 2 Phi(-|z|)} (computed on the lower tail to keep small values exact). */
    public static double normalTwoSidedP(double z) {
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** Two-sided t p-value {@code 2 F_df(-|t|)}. */
    public static double tTwoSidedP(double t, double degreesOfFreedom) {
        return Math.min(1, 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-Math.abs(t)));
    }

    static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }
}
