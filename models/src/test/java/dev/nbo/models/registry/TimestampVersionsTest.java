package dev.nbo.models.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimestampVersionsTest {
    private static final Instant NOW = Instant.parse("2026-11-01T03:00:00.750Z");

    @Test
    void namesAVersionByItsUtcSecond() {
        assertThat(TimestampVersions.next(NOW, Set.of())).isEqualTo("20261101-030000");
    }

    @Test
    void addsACounterWhenTheSecondIsTaken() {
        assertThat(TimestampVersions.next(NOW, Set.of("20261101-030000"))).isEqualTo("20261101-030000-2");
        assertThat(TimestampVersions.next(NOW, Set.of("20261101-030000", "20261101-030000-2")))
                .isEqualTo("20261101-030000-3");
    }

    @Test
    void sortsInTimeOrderWithCountersAsNumbers() {
        List<String> versions = new ArrayList<>(List.of("20261101-030000-10", "20261102-000000", "20261101-030000-2",
                "20261101-030000", "20261101-030000-9", "20251231-235959"));

        versions.sort(TimestampVersions.ORDER);

        assertThat(versions).containsExactly("20251231-235959", "20261101-030000", "20261101-030000-2",
                "20261101-030000-9", "20261101-030000-10", "20261102-000000");
    }
}
