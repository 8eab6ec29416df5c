package dev.nbo.experiments.stats;

/**
 * Sample size and minimum detectable effect (MDE) of a two-sided test between two arms, with the unit variance
 * {@code sigma^2} taken as equal in both arms: {@code p (1 - p)} at the baseline rate for proportions, {@code sd^2}
 * for means. With {@code z_a = Phi^-1(1 - alpha / 2)} and {@code z_b = Phi^-1(power)},
 * <pre>
 *   MDE           = (z_a + z_b) sigma sqrt(1 / n1 + 1 / n2)      (= (z_a + z_b) sigma sqrt(2 / n) for n per arm)
 *   units per arm = ceil(2 (z_a + z_b)^2 sigma^2 / MDE^2)
 * </pre>
 * The baseline variance is a good approximation for lifts small against the baseline; for large lifts on rates
 * below 50% it slightly understates the units needed.
 */
public final class Power {
    private Power() {
    }

    public static double mdeForProportions(double baselineRate, double unitsPerArm, double alpha, double power) {
        return mdeForMeans(rateSd(baselineRate), unitsPerArm, alpha, power);
    }

    public static long unitsPerArmForProportions(double baselineRate, double mde, double alpha, double power) {
        return unitsPerArmForMeans(rateSd(baselineRate), mde, alpha, power);
    }

    public static double mdeForMeans(double sd, double unitsPerArm, double alpha, double power) {
        return mde(sd, unitsPerArm, unitsPerArm, alpha, power);
    }

    public static long unitsPerArmForMeans(double sd, double mde, double alpha, double power) {
        checkPositive("sd", sd);
        checkPositive("mde", Math.abs(mde));
        double z = zSum(alpha, power);
        return (long) Math.ceil(2 * z * z * sd * sd / (mde * mde));
    }

    /** MDE for unequal arms of {@code n1} and {@code n2} units: {@code (z_a + z_b) sd sqrt(1/n1 + 1/n2)}. */
    public static double mde(double sd, double n1, double n2, double alpha, double power) {
        if (!(sd >= 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("sd must be >= 0, got " + sd);
        }
        checkPositive("units per arm", n1);
        checkPositive("units per arm", n2);
        return mdeFromStandardError(sd * Math.sqrt(1 / n1 + 1 / n2), alpha, power);
    }

    /**
     * MDE of a test whose difference has standard error {@code se}: {@code (z_a + z_b) se}. Used for a finished
     * test, where the standard error (e.g. Welch's {@code sqrt(sc^2/nc + st^2/nt)}) is known.
     */
    public static double mdeFromStandardError(double se, double alpha, double power) {
        if (!(se >= 0) || !Double.isFinite(se)) {
            throw new IllegalArgumentException("standard error must be >= 0, got " + se);
        }
        return zSum(alpha, power) * se;
    }

    private static double zSum(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be in (0, 1), got " + power);
        }
        return CriticalValues.z(1 - alpha) + CriticalValues.normalQuantile(power);
    }

    private static double rateSd(double baselineRate) {
        if (!(baselineRate > 0 && baselineRate < 1)) {
            throw new IllegalArgumentException("baseline rate must be in (0, 1), got " + baselineRate);
        }
        return Math.sqrt(baselineRate * (1 - baselineRate));
    }

    private static void checkPositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
