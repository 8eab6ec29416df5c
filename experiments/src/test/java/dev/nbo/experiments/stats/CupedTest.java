package dev.nbo.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CupedTest {

    @Test
    void thetaOnASmallArray() {
        double[] y = {1, 2, 3, 4, 5};
        double[] x = {2, 1, 4, 3, 6};
        // mean y = 3, mean x = 3.2; sum (y - 3)(x - 3.2) = 2.4 + 2.2 + 0 - 0.2 + 5.6 = 10; sum (x - 3.2)^2 = 14.8
        double theta = 10 / 14.8;
        double varianceBefore = 10 / 4.0;
        double varianceAfter = 0;
        for (int i = 0; i < 5; i++) {
            double adjusted = y[i] - theta * (x[i] - 3.2);
            varianceAfter += (adjusted - 3) * (adjusted - 3);
        }
        varianceAfter /= 4;

        Cuped.Fit fit = Cuped.fit(y, x);

        assertThat(fit.theta()).isCloseTo(theta, within(1e-12));
        assertThat(fit.covariateMean()).isCloseTo(3.2, within(1e-12));
        assertThat(fit.varianceBefore()).isCloseTo(varianceBefore, within(1e-12));
        assertThat(fit.varianceAfter()).isCloseTo(varianceAfter, within(1e-12));
        assertThat(fit.varianceReduction()).isCloseTo(1 - varianceAfter / varianceBefore, within(1e-12));
        assertThat(fit.adjust(4, 3)).isCloseTo(4 - theta * (3 - 3.2), within(1e-12));
    }

    @Test
    void unitsWithoutACovariateStayOutOfTheFitAndUnadjusted() {
        Cuped.Fit fit = Cuped.fit(new double[] {1, 2, 3, 4, 5, 100}, new double[] {2, 1, 4, 3, 6, Double.NaN});
        assertThat(fit.theta()).isCloseTo(10 / 14.8, within(1e-12));
        assertThat(fit.covariateMissing()).isEqualTo(1);
        assertThat(fit.adjust(100, Double.NaN)).isEqualTo(100);
    }

    @Test
    void aConstantCovariateLeavesTheMetricAlone() {
        Cuped.Fit fit = Cuped.fit(new double[] {1, 5, 2}, new double[] {7, 7, 7});
        assertThat(fit.theta()).isZero();
        assertThat(fit.varianceReduction()).isZero();
    }
}
