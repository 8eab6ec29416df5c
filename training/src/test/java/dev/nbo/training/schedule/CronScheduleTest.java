package dev.nbo.training.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZonedDateTime SUNDAY_NOON = ZonedDateTime.of(2026, 11, 29, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void findsTheNextMondayAtThree() {
        assertThat(CronSchedule.parse("0 3 * * 1").next(SUNDAY_NOON))
                .isEqualTo(ZonedDateTime.of(2026, 11, 30, 3, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void theNextRunIsStrictlyAfterNow() {
        assertThat(CronSchedule.parse("0 12 * * *").next(SUNDAY_NOON)).isEqualTo(SUNDAY_NOON.plusDays(1));
    }

    @Test
    void refusesAnExpressionThatIsNotFiveFieldCron() {
        assertThatThrownBy(() -> CronSchedule.parse("every monday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every monday").hasMessageContaining("five-field");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 3 * * ?")).isInstanceOf(IllegalArgumentException.class);
    }
}
