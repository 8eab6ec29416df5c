package dev.nbo.training.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Test
    void aucCountsOrderedPairsAndHalfOfTies() {
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] labels = {false, false, true, true};
        // positive pairs beating negatives: 0.35>0.1, 0.8>0.1, 0.8>0.4 => 3 of 4
        assertThat(ClassificationMetrics.of(scores, labels, ones(4)).auc()).isEqualTo(0.75);
        assertThat(ClassificationMetrics.of(new double[] {0.5, 0.5}, new boolean[] {true, false}, ones(2)).auc())
                .isEqualTo(0.5);
    }

    @Test
    void weightsCountAsRepeatedRows() {
        double[] scores = {0.2, 0.6, 0.9};
        boolean[] labels = {false, true, false};
        ClassificationMetrics weighted = ClassificationMetrics.of(scores, labels, new double[] {1, 1, 3});
        ClassificationMetrics repeated = ClassificationMetrics.of(new double[] {0.2, 0.6, 0.9, 0.9, 0.9},
                new boolean[] {false, true, false, false, false}, ones(5));
        assertThat(weighted.auc()).isCloseTo(repeated.auc(), within(1e-12));
        assertThat(weighted.logLoss()).isCloseTo(repeated.logLoss(), within(1e-12));
        assertThat(weighted.baseRate()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void logLossOfAConstantPredictionAtTheBaseRate() {
        double[] scores = {0.25, 0.25, 0.25, 0.25};
        boolean[] labels = {true, false, false, false};
        double expected = -(Math.log(0.25) + 3 * Math.log(0.75)) / 4;
        assertThat(ClassificationMetrics.of(scores, labels, ones(4)).logLoss()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void calibrationHasTenDecilesAndTheGainCurveEndsAtOne() {
        int n = 1000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = i / (double) n;
            labels[i] = i % 10 == 0 || i > 900;
        }
        ClassificationMetrics m = ClassificationMetrics.of(scores, labels, ones(n));
        assertThat(m.calibration()).hasSize(10);
        assertThat(m.calibration().get(9).observedRate()).isGreaterThan(m.calibration().get(0).observedRate());
        assertThat(m.gain()).hasSize(21);
        assertThat(m.gain().get(20).captured()).isCloseTo(1.0, within(1e-12));
        assertThat(m.gain().get(2).captured()).isGreaterThan(0.1); // top 10% hold most of the converters
    }
}
