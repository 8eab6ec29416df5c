package dev.nbo.experiments.stats;

import static dev.nbo.experiments.stats.IntervalsTest.Z95;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerTest {
    /** Phi^-1(0.8). */
    static final double Z80 = 0.8416212335729143;

    @Test
    void mdeOfTwoProportionsFromUnitsPerArm() {
        double expected = (Z95 + Z80) * Math.sqrt(2 * 0.05 * 0.95 / 10_000);
        assertThat(Power.mdeForProportions(0.05, 10_000, 0.05, 0.8)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void unitsPerArmOfTwoProportionsFromTheMde() {
        double exact = 2 * (Z95 + Z80) * (Z95 + Z80) * 0.05 * 0.95 / (0.01 * 0.01);
        assertThat(Power.unitsPerArmForProportions(0.05, 0.01, 0.05, 0.8)).isEqualTo((long) Math.ceil(exact));
        assertThat((long) Math.ceil(exact)).isEqualTo(7457);
    }

    @Test
    void meansUseTheStandardDeviation() {
        double z99 = 2.5758293035489004; // Phi^-1(0.995), alpha 0.01
        double z90 = 1.2815515655446004; // Phi^-1(0.9)
        assertThat(Power.mdeForMeans(12.5, 400, 0.01, 0.9))
                .isCloseTo((z99 + z90) * 12.5 * Math.sqrt(2 / 400.0), within(1e-9));
        assertThat(Power.unitsPerArmForMeans(12.5, 2, 0.01, 0.9))
                .isEqualTo((long) Math.ceil(2 * (z99 + z90) * (z99 + z90) * 12.5 * 12.5 / 4));
    }

    @Test
    void unequalArms() {
        assertThat(Power.mde(2, 100, 300, 0.05, 0.8))
                .isCloseTo((Z95 + Z80) * 2 * Math.sqrt(1 / 100.0 + 1 / 300.0), within(1e-9));
    }

    @Test
    void refusesBadInputsNamingThem() {
        assertThatThrownBy(() -> Power.mdeForProportions(1.2, 100, 0.05, 0.8)).hasMessageContaining("1.2");
        assertThatThrownBy(() -> Power.mdeForProportions(0.1, 100, 0.05, 1.0)).hasMessageContaining("power");
        assertThatThrownBy(() -> Power.unitsPerArmForMeans(1, 0, 0.05, 0.8)).hasMessageContaining("mde");
    }
}
