package dev.nbo.models.id;

/** The id of a product; validated on construction (see {@link IdFormat}). */
public record ProductId(String value) implements Comparable<ProductId> {
    public ProductId {
        IdFormat.check("product id", value);
    }

    public static ProductId of(String value) {
        return new ProductId(value);
    }

    /** True when {@code value} would make a valid id; lets validators count bad rows without exceptions. */
    public static boolean isValid(String value) {
        return IdFormat.isValid(value);
    }

    @Override
    public int compareTo(ProductId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
