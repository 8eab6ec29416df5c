package dev.nbo.models.id;

/** The id of an offer; validated on construction (see {@link IdFormat}). */
public record OfferId(String value) implements Comparable<OfferId> {
    public OfferId {
        IdFormat.check("offer id", value);
    }

    public static OfferId of(String value) {
        return new OfferId(value);
    }

    /** True when {@code value} would make a valid id; lets validators count bad rows without exceptions. */
    public static boolean isValid(String value) {
        return IdFormat.isValid(value);
    }

    @Override
    public int compareTo(OfferId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
