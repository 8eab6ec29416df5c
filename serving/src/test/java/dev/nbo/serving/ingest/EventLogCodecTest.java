package dev.nbo.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.warehouse.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogCodecTest {
    private static final long T = 1_772_360_130_123_456L;
    private static final long INGESTED = 1_772_360_131_000_001L;

    private static final List<Event> EVENTS = List.of(
            new Event("e1", "C1", T, EventType.PAGE_VIEW, "RUN-1", "running", "s-1", null),
            new Event("e2", "ann@example.com", -T, EventType.EMAIL_CLICK, null, null, null, "OFF-2", "r:1", null),
            new Event("e3", "C1", T, EventType.UNSUBSCRIBE, null, null, null, null),
            new Event("e4", "C2", T, EventType.ADD_TO_CART, "P+1", "home & \"garden\"\\", "s.2", "O@3"),
            new Event("e5", "C2", T, EventType.PAGE_VIEW, "P1", "café\tbar", null, null),
            new Event("e6", "C3", T, EventType.PURCHASE, null, null, null, "OFF-1", "r-9", 12.5));

    @Test
    void writesTheBytesJacksonWritesForEveryKindOfEvent() {
        for (Event event : EVENTS) {
            assertThat(new String(EventLogCodec.encode(event, INGESTED), java.nio.charset.StandardCharsets.UTF_8))
                    .as(event.eventId())
                    .isEqualTo(new String(EventLogCodec.encodeWithJackson(event, INGESTED),
                            java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRecordDecodesToTheEventItWasWrittenFrom() {
        for (Event event : EVENTS) {
            byte[] record = EventLogCodec.encode(event, INGESTED);
            assertThat(EventLogCodec.decode(record)).isEqualTo(event);
            assertThat(EventLogCodec.decodeLogged(record).ingestedAtMicros()).isEqualTo(INGESTED);
            assertThat(EventLogCodec.eventId(record)).isEqualTo(event.eventId());
        }
    }
}
