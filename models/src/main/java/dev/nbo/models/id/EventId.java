package dev.nbo.models.id;

/** The id of an event; validated on construction (see {@link IdFormat}). */
public record EventId(String value) implements Comparable<EventId> {
    public EventId {
        IdFormat.check("event id", value);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    /** True when {@code value} would make a valid id; lets validators count bad rows without exceptions. */
    public static boolean isValid(String value) {
        return IdFormat.isValid(value);
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
