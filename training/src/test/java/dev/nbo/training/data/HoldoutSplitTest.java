package dev.nbo.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.Window;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {
    private static FeatureRun run(Window horizon, LocalDate... dates) {
        return new FeatureRun(Path.of("/tmp/run"), "snap", "hash", List.of(dates), horizon, 1, dates[dates.length - 1],
                null, null);
    }

    private static final LocalDate D1 = LocalDate.of(2025, 9, 3);
    private static final LocalDate D2 = LocalDate.of(2025, 10, 3);
    private static final LocalDate D3 = LocalDate.of(2025, 11, 2);
    private static final LocalDate D4 = LocalDate.of(2025, 12, 2);

    @Test
    void theNewestDatesAreHeldOut() {
        HoldoutSplit split = HoldoutSplit.of(run(Window.parse("30d"), D1, D2, D3, D4), 1);
        assertThat(split.trainDates()).containsExactly(D1, D2, D3);
        assertThat(split.holdoutDates()).containsExactly(D4);
        assertThat(split.dropped()).isEmpty();
    }

    @Test
    void aTrainingDateWhoseLabelWindowReachesIntoTheHoldoutIsLeftOut() {
        HoldoutSplit split = HoldoutSplit.of(run(Window.parse("45d"), D1, D2, D3, D4), 1);
        assertThat(split.trainDates()).containsExactly(D1, D2);
        assertThat(split.dropped()).containsExactly(D3);
    }

    @Test
    void refusesARunTooShortForAHoldout() {
        assertThatThrownBy(() -> HoldoutSplit.of(run(Window.parse("30d"), D4), 1))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> HoldoutSplit.of(run(Window.parse("90d"), D3, D4), 1))
                .hasMessageContaining("one horizon apart");
    }
}
