package dev.nbo.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void stepDownOnATextbookList() {
        // Sorted: 0.005 x4 = 0.02, 0.01 x3 = 0.03, 0.03 x2 = 0.06, 0.04 x1 = 0.04 -> raised to 0.06 (monotone).
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void capsAtOneAndKeepsTheOrder() {
        double[] adjusted = Holm.adjust(new double[] {0.6, 0.5, 0.2});
        // 0.2 x3 = 0.6, 0.5 x2 = 1.0, 0.6 x1 = 0.6 -> 1.0
        assertThat(adjusted).containsExactly(new double[] {1.0, 1.0, 0.6}, within(1e-12));
    }

    @Test
    void aSingleComparisonIsUnchanged() {
        assertThat(Holm.adjust(new double[] {0.037})).containsExactly(0.037);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }

    @Test
    void refusesValuesOutsideZeroOne() {
        assertThatThrownBy(() -> Holm.adjust(new double[] {0.1, 1.2})).hasMessageContaining("1.2");
    }
}
