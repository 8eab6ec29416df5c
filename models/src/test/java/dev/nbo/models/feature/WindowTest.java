package dev.nbo.models.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.fixture.FeatureFixture;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowTest {
    @Test
    void parsesDaysAndLifetime() {
        assertThat(Window.parse("7d").days()).isEqualTo(7);
        assertThat(Window.parse("365d").days()).isEqualTo(365);
        assertThat(Window.parse("lifetime").isLifetime()).isTrue();
    }

    @Test
    void refusesAnythingElseNamingTheText() {
        for (String bad : new String[] {"7", "0d", "7w", "-1d", "d", "9999d", " 7d"}) {
            assertThatThrownBy(() -> Window.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void atMidnightAWindowCoversTheFullDaysBefore() {
        long midnight = FeatureFixture.micros("2025-03-10T00:00:00Z");
        assertThat(Window.lastDay(midnight)).isEqualTo(day("2025-03-09"));
        assertThat(Window.parse("7d").firstDay(midnight)).isEqualTo(day("2025-03-03"));
    }

    @Test
    void duringADayTheCurrentDayIsOneOfTheWindowDays() {
        long noon = FeatureFixture.micros("2025-03-10T12:00:00Z");
        assertThat(Window.lastDay(noon)).isEqualTo(day("2025-03-10"));
        assertThat(Window.parse("7d").firstDay(noon)).isEqualTo(day("2025-03-04"));
    }

    @Test
    void daysBeforeTheEpochFloorCorrectly() {
        assertThat(Window.dayOf(-1)).isEqualTo(-1);
        assertThat(Window.dayOf(0)).isZero();
    }

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }
}
