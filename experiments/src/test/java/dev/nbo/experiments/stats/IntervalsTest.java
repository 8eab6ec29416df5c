package dev.nbo.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {
    /** Phi^-1(0.975), written out so that the expected values do not come from the code under test. */
    static final double Z95 = 1.959963984540054;

    @Test
    void wilsonIntervalFor81OutOf263() {
        double n = 263;
        double p = 81 / n;
        double center = (p + Z95 * Z95 / (2 * n)) / (1 + Z95 * Z95 / n);
        double half = Z95 / (1 + Z95 * Z95 / n) * Math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n));

        Interval wilson = ProportionInterval.wilson(81, 263, 0.95);

        assertThat(wilson.low()).isCloseTo(center - half, within(1e-9));
        assertThat(wilson.high()).isCloseTo(center + half, within(1e-9));
        // The published value for this textbook example: 0.2553 to 0.3662.
        assertThat(wilson.low()).isCloseTo(0.2553, within(5e-5));
        assertThat(wilson.high()).isCloseTo(0.3662, within(5e-5));
    }

    @Test
    void wilsonStaysInsideZeroAndOneAtTheEdges() {
        Interval none = ProportionInterval.wilson(0, 20, 0.95);
        Interval all = ProportionInterval.wilson(20, 20, 0.95);
        assertThat(none.low()).isZero();
        assertThat(none.high()).isCloseTo(Z95 * Z95 / 20 / (1 + Z95 * Z95 / 20), within(1e-9));
        assertThat(all.high()).isEqualTo(1.0);
        assertThat(all.low()).isCloseTo(1 - none.high(), within(1e-9));
    }

    @Test
    void tIntervalForAMean() {
        double[] values = {2, 4, 4, 5, 7, 8};
        double mean = 30 / 6.0;
        double variance = (9 + 1 + 1 + 0 + 4 + 9) / 5.0;
        double t5 = 2.570581835636314; // t(0.975, 5 df)

        Interval interval = MeanInterval.t(SampleMoments.of(values), 0.95);

        assertThat(interval.low()).isCloseTo(mean - t5 * Math.sqrt(variance / 6), within(1e-9));
        assertThat(interval.high()).isCloseTo(mean + t5 * Math.sqrt(variance / 6), within(1e-9));
    }

    @Test
    void refusesImpossibleCountsNamingThem() {
        assertThatThrownBy(() -> ProportionInterval.wilson(5, 4, 0.95)).hasMessageContaining("5/4");
        assertThatThrownBy(() -> ProportionInterval.wilson(1, 4, 1.5)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> MeanInterval.t(SampleMoments.of(3), 0.95)).hasMessageContaining("got 1");
    }

    @Test
    void runningMomentsMatchTheTwoPassFormulaOnLargeOffsets() {
        double[] values = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
        SampleMoments moments = SampleMoments.of(values);
        assertThat(moments.mean()).isCloseTo(1e9 + 10, within(1e-6));
        assertThat(moments.variance()).isCloseTo((36 + 9 + 9 + 36) / 3.0, within(1e-6));
    }
}
