package dev.nbo.models.feature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a feature describes, and therefore which columns key its values. */
public enum Entity {
    /** One value per customer. */
    CUSTOMER(List.of("customer_id")),
    /** One value per customer and product category (only pairs with data are stored). */
    CUSTOMER_CATEGORY(List.of("customer_id", "category")),
    /** One value per offer, aggregated over all customers. */
    OFFER(List.of("offer_id")),
    /** One value per customer and offer (only pairs with data are stored). */
    CUSTOMER_OFFER(List.of("customer_id", "offer_id"));

    private final List<String> keyColumns;

    Entity(List<String> keyColumns) {
        this.keyColumns = keyColumns;
    }

    /** The columns that identify one value of this entity in snapshot tables. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Entity> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName().equals(name)).findFirst();
    }
}
