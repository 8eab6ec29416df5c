package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SilhouetteTest {
    /** Two pairs on a line: {0, 1} and {10, 11}. */
    private static final double[][] POINTS = {{0}, {1}, {10}, {11}};

    @Test
    void matchesTheDefinitionWorkedByHand() {
        // Point 0: a = 1, b = (10 + 11) / 2 = 10.5 -> 9.5 / 10.5. Point 1: a = 1, b = (9 + 10) / 2 = 9.5 -> 8.5 / 9.5.
        // Points 10 and 11 mirror them.
        double expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;

        assertThat(Silhouette.mean(POINTS, new int[] {0, 0, 1, 1}, 2)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void aWrongSplitScoresBelowZero() {
        assertThat(Silhouette.mean(POINTS, new int[] {0, 1, 0, 1}, 2)).isLessThan(0);
    }

    @Test
    void aPointAloneInItsClusterScoresZero() {
        double[][] points = {{0}, {1}, {10}};
        int[] labels = {0, 1, 1};
        // Point 0 is alone: 0. Point 1: a = 9, b = 1 -> (1 - 9) / 9. Point 10: a = 9, b = 10 -> (10 - 9) / 10.
        double expected = (0 + (1 - 9) / 9.0 + (10 - 9) / 10.0) / 3;

        assertThat(Silhouette.mean(points, labels, 2)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void pointsInASingleClusterScoreZero() {
        assertThat(Silhouette.mean(POINTS, new int[] {1, 1, 1, 1}, 3)).isEqualTo(0.0);
    }

    @Test
    void refusesALabelOutsideK() {
        assertThatThrownBy(() -> Silhouette.mean(POINTS, new int[] {0, 0, 2, 1}, 2))
                .hasMessage("label 2 is outside [0, 2)");
    }
}
