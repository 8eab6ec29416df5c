package dev.nbo.experiments.stats;

/**
 * The two-proportion z-test for rates {@code pc = xc / nc} (control) and {@code pt = xt / nt} (treatment).
 * <pre>
 *   p-value:  p = (xc + xt) / (nc + nt)            (pooled under H0: pc = pt)
 *             z = (pt - pc) / sqrt(p (1 - p) (1/nc + 1/nt)),  p-value = 2 Phi(-|z|)
 *   CI:       (pt - pc) +- z_crit sqrt(pc (1 - pc) / nc + pt (1 - pt) / nt)   (unpooled Wald)
 * </pre>
 * The p-value uses the pooled standard error because under the null both arms share one rate; the interval cannot
 * assume the null, so it uses each arm's own variance. When every unit in both arms has the same outcome the pooled
 * error is 0 and so is the difference: z is 0 and the p-value 1. The relative lift is {@link RelativeLift} with
 * {@code Var(p) = p (1 - p) / n}.
 */
public final class TwoProportionTest {
    private TwoProportionTest() {
    }

    public static LiftEstimate test(long controlSuccesses, long controlN, long treatmentSuccesses, long treatmentN,
                                    double confidence) {
        check(controlSuccesses, controlN);
        check(treatmentSuccesses, treatmentN);
        double pc = (double) controlSuccesses / controlN;
        double pt = (double) treatmentSuccesses / treatmentN;
        double difference = pt - pc;

        double pooled = (double) (controlSuccesses + treatmentSuccesses) / (controlN + treatmentN);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlN + 1.0 / treatmentN));
        double z = pooledSe == 0 ? 0 : difference / pooledSe;

        double varianceC = pc * (1 - pc) / controlN;
        double varianceT = pt * (1 - pt) / treatmentN;
        double critical = CriticalValues.z(confidence);
        double half = critical * Math.sqrt(varianceC + varianceT);
        return new LiftEstimate(pc, pt, difference, new Interval(difference - half, difference + half),
                RelativeLift.deltaMethod(pc, varianceC, pt, varianceT, critical), z, null,
                CriticalValues.normalTwoSidedP(z));
    }

    private static void check(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n > 0, got " + successes + "/" + n);
        }
    }
}
