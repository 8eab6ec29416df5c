package dev.nbo.experiments.stats;

import static dev.nbo.experiments.stats.IntervalsTest.Z95;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OffPolicyEstimatorTest {
    private static final Map<String, Double> SPLIT = Map.of("A", 0.8, "B", 0.2);

    @Test
    void propensityAddsTheProbabilitiesOfArmsWhosePolicyShowsTheAction() {
        assertThat(OffPolicyEstimator.propensity("x", Map.of("A", "x", "B", "y"), SPLIT)).isCloseTo(0.8, within(1e-12));
        assertThat(OffPolicyEstimator.propensity("x", Map.of("A", "x", "B", "x"), SPLIT)).isCloseTo(1.0, within(1e-12));
        assertThat(OffPolicyEstimator.propensity("y", Map.of("A", "x", "B", "y"), SPLIT)).isCloseTo(0.2, within(1e-12));
        assertThat(OffPolicyEstimator.propensity("z", Map.of("A", "x", "B", "y"), SPLIT)).isZero();
    }

    @Test
    void ipsAndSnipsOnATinyLog() {
        // Four decisions under an 80/20 split, target policy A:
        //   shown x, A->x, B->y, reward 1: mu 0.8, w 1.25
        //   shown x, A->x, B->x, reward 0: mu 1.0, w 1
        //   shown y, A->x, B->y, reward 1: mu 0.2, w 0 (A would not have shown y)
        //   shown y, A->y, B->y, reward 1: mu 1.0, w 1
        double[] r = {1, 0, 1, 1};
        double[] w = {1.25, 1, 0, 1};
        double ips = (1.25 + 0 + 0 + 1) / 4;
        double rwVariance = (Math.pow(1.25 - ips, 2) + 3 * Math.pow(0 - ips, 2) - Math.pow(0 - ips, 2)
                + Math.pow(1 - ips, 2)) / 3;
        double snips = 2.25 / 3.25;
        double meanW = 3.25 / 4;
        double meanSquared = (Math.pow(1.25 * (1 - snips), 2) + Math.pow(1 * (0 - snips), 2) + 0
                + Math.pow(1 * (1 - snips), 2)) / 4;
        double snipsHalf = Z95 * Math.sqrt(meanSquared / (meanW * meanW) / 4);

        OffPolicyEstimator.Estimate estimate = OffPolicyEstimator.estimate(r, w, 0.95);

        assertThat(estimate.n()).isEqualTo(4);
        assertThat(estimate.matched()).isEqualTo(3);
        assertThat(estimate.ips()).isCloseTo(ips, within(1e-12));
        assertThat(estimate.ipsInterval().low()).isCloseTo(ips - Z95 * Math.sqrt(rwVariance / 4), within(1e-9));
        assertThat(estimate.ipsInterval().high()).isCloseTo(ips + Z95 * Math.sqrt(rwVariance / 4), within(1e-9));
        assertThat(estimate.snips()).isCloseTo(snips, within(1e-12));
        assertThat(estimate.snipsInterval().low()).isCloseTo(snips - snipsHalf, within(1e-9));
        assertThat(estimate.snipsInterval().high()).isCloseTo(snips + snipsHalf, within(1e-9));
        assertThat(estimate.effectiveSampleSize()).isCloseTo(3.25 * 3.25 / (1.5625 + 1 + 0 + 1), within(1e-12));
    }

    @Test
    void aTargetThatMatchesNothingHasNoSnips() {
        OffPolicyEstimator.Estimate estimate = OffPolicyEstimator.estimate(new double[] {1, 0},
                new double[] {0, 0}, 0.95);
        assertThat(estimate.ips()).isZero();
        assertThat(estimate.snips()).isNull();
        assertThat(estimate.matched()).isZero();
        assertThat(estimate.effectiveSampleSize()).isZero();
    }
}
