package dev.nbo.experiments.stats;

import static dev.nbo.experiments.stats.IntervalsTest.Z95;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class TwoSampleTestsTest {

    @Test
    void twoProportionZFor200Of1000Versus250Of1000() {
        double pooled = 450 / 2000.0;
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (2 / 1000.0));
        double z = 0.05 / pooledSe;
        double p = Erf.erfc(z / Math.sqrt(2)); // 2 (1 - Phi(z))
        double waldSe = Math.sqrt(0.2 * 0.8 / 1000 + 0.25 * 0.75 / 1000);
        double logSe = Math.sqrt(0.25 * 0.75 / 1000 / (0.25 * 0.25) + 0.2 * 0.8 / 1000 / (0.2 * 0.2));

        LiftEstimate result = TwoProportionTest.test(200, 1000, 250, 1000, 0.95);

        assertThat(result.control()).isEqualTo(0.2);
        assertThat(result.treatment()).isEqualTo(0.25);
        assertThat(result.absolute()).isCloseTo(0.05, within(1e-12));
        assertThat(result.statistic()).isCloseTo(z, within(1e-9));
        assertThat(result.statistic()).isCloseTo(2.6774, within(1e-4));
        assertThat(result.pValue()).isCloseTo(p, within(1e-9));
        assertThat(result.absoluteInterval().low()).isCloseTo(0.05 - Z95 * waldSe, within(1e-9));
        assertThat(result.absoluteInterval().high()).isCloseTo(0.05 + Z95 * waldSe, within(1e-9));
        assertThat(result.relative().estimate()).isCloseTo(0.25, within(1e-12));
        assertThat(result.relative().interval().low()).isCloseTo(1.25 * Math.exp(-Z95 * logSe) - 1, within(1e-9));
        assertThat(result.relative().interval().high()).isCloseTo(1.25 * Math.exp(Z95 * logSe) - 1, within(1e-9));
        assertThat(result.degreesOfFreedom()).isNull();
    }

    @Test
    void identicalAllZeroArmsHaveNoDifferenceAndNoRelativeLift() {
        LiftEstimate result = TwoProportionTest.test(0, 50, 0, 60, 0.95);
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.absoluteInterval()).isEqualTo(new Interval(0, 0));
        assertThat(result.relative().estimate()).isNull();
        assertThat(result.relative().interval()).isNull();
    }

    @Test
    void welchOnTwoSmallArrays() {
        double[] control = {19.1, 21.3, 18.4, 22.0, 20.2};
        double[] treatment = {23.5, 21.9, 26.1, 24.4, 22.0, 25.3, 27.0};
        double meanC = (19.1 + 21.3 + 18.4 + 22.0 + 20.2) / 5;
        double meanT = (23.5 + 21.9 + 26.1 + 24.4 + 22.0 + 25.3 + 27.0) / 7;
        double varC = 0;
        for (double v : control) {
            varC += (v - meanC) * (v - meanC);
        }
        varC /= 4;
        double varT = 0;
        for (double v : treatment) {
            varT += (v - meanT) * (v - meanT);
        }
        varT /= 6;
        double a = varC / 5;
        double b = varT / 7;
        double se = Math.sqrt(a + b);
        double t = (meanT - meanC) / se;
        double df = (a + b) * (a + b) / (a * a / 4 + b * b / 6);
        TDistribution distribution = new TDistribution(df);
        double p = 2 * distribution.cumulativeProbability(-Math.abs(t));
        double critical = distribution.inverseCumulativeProbability(0.975);

        LiftEstimate result = WelchTest.test(SampleMoments.of(control), SampleMoments.of(treatment), 0.95);

        assertThat(result.absolute()).isCloseTo(meanT - meanC, within(1e-9));
        assertThat(result.statistic()).isCloseTo(t, within(1e-9));
        assertThat(result.degreesOfFreedom()).isCloseTo(df, within(1e-9));
        assertThat(result.pValue()).isCloseTo(p, within(1e-9));
        assertThat(result.absoluteInterval().low()).isCloseTo(meanT - meanC - critical * se, within(1e-9));
        assertThat(result.absoluteInterval().high()).isCloseTo(meanT - meanC + critical * se, within(1e-9));
        double logSe = Math.sqrt(b / (meanT * meanT) + a / (meanC * meanC));
        assertThat(result.relative().interval().low())
                .isCloseTo(meanT / meanC * Math.exp(-critical * logSe) - 1, within(1e-9));
    }

    @Test
    void welchRefusesArmsItCannotTest() {
        assertThat(WelchTest.isTestable(SampleMoments.of(1, 1), SampleMoments.of(2, 2))).isFalse();
        assertThat(WelchTest.isTestable(SampleMoments.of(1), SampleMoments.of(2, 3))).isFalse();
        assertThatThrownBy(() -> WelchTest.test(SampleMoments.of(1, 1), SampleMoments.of(2, 2), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("some variance");
    }

    @Test
    void relativeLiftIsUndefinedForAZeroControlAndHasNoIntervalForANegativeMean() {
        assertThat(RelativeLift.deltaMethod(0, 1, 3, 1, Z95)).isEqualTo(new RelativeLift(null, null));
        RelativeLift negative = RelativeLift.deltaMethod(-2, 1, 3, 1, Z95);
        assertThat(negative.estimate()).isCloseTo(-2.5, within(1e-12));
        assertThat(negative.interval()).isNull();
    }
}
