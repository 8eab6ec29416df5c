package dev.nbo.models.id;

/** The id of a customer; validated on construction (see {@link IdFormat}). */
public record CustomerId(String value) implements Comparable<CustomerId> {
    public CustomerId {
        IdFormat.check("customer id", value);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    /** True when {@code value} would make a valid id; lets validators count bad rows without exceptions. */
    public static boolean isValid(String value) {
        return IdFormat.isValid(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
