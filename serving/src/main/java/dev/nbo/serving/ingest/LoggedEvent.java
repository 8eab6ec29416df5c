package dev.nbo.serving.ingest;

import java.util.Objects;

/** An event as the event log keeps it: the event and when it was accepted (epoch microseconds UTC). */
public record LoggedEvent(Event event, long ingestedAtMicros) {
    public LoggedEvent {
        Objects.requireNonNull(event, "event");
    }
}
