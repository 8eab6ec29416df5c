package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void aLinearScaleCoversTheDataWithRoundTicks() {
        LinearScale scale = LinearScale.covering(0, 0.78, 5);

        assertThat(scale.min()).isEqualTo(0);
        assertThat(scale.max()).isEqualTo(0.8);
        assertThat(scale.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8);
        assertThat(scale.fraction(0.4)).isEqualTo(0.5, within(1e-12));
        assertThat(LinearScale.covering(0, 0.7, 5).ticks()).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7);
    }

    @Test
    void aLinearScaleTicksDoNotAccumulateRoundingErrors() {
        assertThat(new LinearScale(0, 1, 0.1).ticks()).contains(0.3, 0.7).hasSize(11);
    }

    @Test
    void aDegenerateRangeStillGivesAUsableAxis() {
        assertThat(LinearScale.covering(0, 0, 5).max()).isPositive();
        assertThat(LinearScale.covering(Double.NaN, 1, 5).ticks()).isNotEmpty();
        LinearScale single = LinearScale.covering(3, 3, 5);
        assertThat(single.min()).isLessThan(3);
        assertThat(single.max()).isGreaterThan(3);
    }

    @Test
    void valuesOutsideAScaleAreClampedAndFlagged() {
        LinearScale scale = new LinearScale(0, 1, 0.25);

        assertThat(scale.fraction(2)).isEqualTo(1);
        assertThat(scale.fraction(-1)).isEqualTo(0);
        assertThat(scale.contains(2)).isFalse();
        assertThat(scale.contains(1)).isTrue();
        assertThat(scale.contains(Double.NaN)).isFalse();
    }

    @Test
    void aLogScaleEndsOnOneTwoOrFiveTimesAPowerOfTen() {
        LogScale scale = LogScale.covering(0.0009, 0.0655);

        assertThat(scale.min()).isEqualTo(0.0005);
        assertThat(scale.max()).isEqualTo(0.1);
        assertThat(scale.ticks()).containsExactly(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1);
        assertThat(scale.fraction(0.0005)).isEqualTo(0);
        assertThat(scale.fraction(0.1)).isEqualTo(1, within(1e-12));
        assertThat(scale.contains(0)).isFalse();
    }

    @Test
    void aWideLogScaleTicksOnlyThePowersOfTen() {
        assertThat(LogScale.covering(1e-6, 0.5).ticks()).containsExactly(1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1);
    }

    @Test
    void badEndsAreRefusedWithTheValues() {
        assertThatThrownBy(() -> new LinearScale(1, 1, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1.0, 1.0]");
        assertThatThrownBy(() -> LogScale.covering(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use a linear scale");
    }
}
