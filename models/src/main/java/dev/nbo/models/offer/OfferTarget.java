package dev.nbo.models.offer;

import java.util.Locale;
import java.util.Objects;

/** What buying means for an offer: any product of a category, or one product. */
public record OfferTarget(Kind kind, String value) {
    public enum Kind {
        CATEGORY,
        PRODUCT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OfferTarget {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an offer target needs a " + kind.wireName() + " value");
        }
    }

    public static OfferTarget category(String category) {
        return new OfferTarget(Kind.CATEGORY, category);
    }

    public static OfferTarget product(String productId) {
        return new OfferTarget(Kind.PRODUCT, productId);
    }

    /** Whether a purchase or event of this product, in this category, concerns the offer. */
    public boolean matches(String productId, String category) {
        return kind == Kind.CATEGORY ? value.equals(category) : value.equals(productId);
    }

    @Override
    public String toString() {
        return kind.wireName() + ":" + value;
    }
}
