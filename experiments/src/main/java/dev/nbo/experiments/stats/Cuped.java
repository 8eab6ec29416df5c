package dev.nbo.experiments.stats;

/**
 * CUPED (controlled experiments using pre-experiment data): a metric {@code Y} is adjusted with a covariate {@code X}
 * measured before assignment,
 * <pre>
 *   theta = cov(Y, X) / var(X),    Y' = Y - theta (X - mean X)
 * </pre>
 * with {@code theta} and {@code mean X} pooled over all units of all arms. Because {@code X} does not depend on the
 * arm, {@code Y'} has the same expected difference between arms as {@code Y} but variance
 * {@code var(Y) (1 - corr(Y, X)^2)}; {@link Fit#varianceReduction()} reports {@code 1 - var(Y') / var(Y)} as achieved.
 * Units without a covariate (NaN) do not take part in the fit and are left unadjusted (as if {@code X = mean X}).
 * A constant covariate carries no information: theta is 0.
 */
public final class Cuped {
    private Cuped() {
    }

    /**
     * @param covariateMissing units whose covariate was NaN (left unadjusted)
     */
    public record Fit(double theta, double covariateMean, double varianceBefore, double varianceAfter,
                      long covariateMissing) {
        public double varianceReduction() {
            return varianceBefore == 0 ? 0 : 1 - varianceAfter / varianceBefore;
        }

        public double adjust(double y, double x) {
            return Double.isNaN(x) ? y : y - theta * (x - covariateMean);
        }
    }

    public static Fit fit(double[] y, double[] x) {
        if (y.length != x.length || y.length < 2) {
            throw new IllegalArgumentException("CUPED needs as many covariates as values and at least 2, got "
                    + y.length + " values and " + x.length + " covariates");
        }
        long paired = 0;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(x[i])) {
                paired++;
                meanX += x[i];
                meanY += y[i];
            }
        }
        if (paired < 2) {
            throw new IllegalArgumentException("CUPED needs at least 2 units with a covariate, got " + paired);
        }
        meanX /= paired;
        meanY /= paired;
        double covariance = 0;
        double varianceX = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(x[i])) {
                covariance += (y[i] - meanY) * (x[i] - meanX);
                varianceX += (x[i] - meanX) * (x[i] - meanX);
            }
        }
        double theta = varianceX == 0 ? 0 : covariance / varianceX;
        Fit withoutVariances = new Fit(theta, meanX, 0, 0, y.length - paired);
        RunningMoments before = new RunningMoments();
        RunningMoments after = new RunningMoments();
        for (int i = 0; i < y.length; i++) {
            before.add(y[i]);
            after.add(withoutVariances.adjust(y[i], x[i]));
        }
        return new Fit(theta, meanX, before.moments().variance(), after.moments().variance(), y.length - paired);
    }
}
