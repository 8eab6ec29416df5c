package dev.nbo.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class SampleRatioMismatchTest {

    @Test
    void chiSquareFor5000Versus5300AgainstFiftyFifty() {
        double expected = 5150;
        double chiSquare = 2 * 150.0 * 150.0 / expected;
        double p = Erf.erfc(Math.sqrt(chiSquare / 2)); // chi-square survival function with 1 df

        SampleRatioMismatch.Result result = SampleRatioMismatch.test(new long[] {5000, 5300}, new double[] {1, 1});

        assertThat(result.chiSquare()).isCloseTo(chiSquare, within(1e-9));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(p, within(1e-9));
        assertThat(result.expected()).containsExactly(5150, 5150);
    }

    @Test
    void detectsASkewedSplitAndPassesAFairOne() {
        SampleRatioMismatch.Result skewed = SampleRatioMismatch.test(new long[] {10_000, 10_600},
                new double[] {0.5, 0.5});
        SampleRatioMismatch.Result fair = SampleRatioMismatch.test(new long[] {10_000, 10_090},
                new double[] {0.5, 0.5});
        assertThat(skewed.pValue()).isLessThan(0.001);
        assertThat(fair.pValue()).isGreaterThan(0.1);
    }

    @Test
    void unequalWeightsAndThreeArms() {
        // 20/30/50 split of 1000 units: expected 200, 300, 500.
        double chiSquare = 10.0 * 10 / 200 + 20.0 * 20 / 300 + 10.0 * 10 / 500;
        double p = Math.exp(-chiSquare / 2); // chi-square survival function with 2 df

        SampleRatioMismatch.Result result = SampleRatioMismatch.test(new long[] {210, 280, 510},
                new double[] {2, 3, 5});

        assertThat(result.chiSquare()).isCloseTo(chiSquare, within(1e-9));
        assertThat(result.pValue()).isCloseTo(p, within(1e-9));
    }

    @Test
    void refusesNonPositiveWeights() {
        assertThatThrownBy(() -> SampleRatioMismatch.test(new long[] {1, 2}, new double[] {1, 0}))
                .hasMessageContaining("weights must be positive");
    }
}
