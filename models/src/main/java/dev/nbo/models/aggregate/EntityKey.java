package dev.nbo.models.aggregate;

import dev.nbo.models.feature.Entity;
import java.util.Objects;

/** Identifies one value of an entity: the fields its {@link Entity#keyColumns()} name are set, the others null. */
public record EntityKey(Entity entity, String customerId, String category, String offerId) {
    public EntityKey {
        Objects.requireNonNull(entity, "entity");
        boolean ok = switch (entity) {
            case CUSTOMER -> customerId != null && category == null && offerId == null;
            case CUSTOMER_CATEGORY -> customerId != null && category != null && offerId == null;
            case OFFER -> customerId == null && category == null && offerId != null;
            case CUSTOMER_OFFER -> customerId != null && category == null && offerId != null;
        };
        if (!ok) {
            throw new IllegalArgumentException("a " + entity.wireName() + " key needs exactly " + entity.keyColumns()
                    + "; got customer=" + customerId + ", category=" + category + ", offer=" + offerId);
        }
    }

    public static EntityKey customer(String customerId) {
        return new EntityKey(Entity.CUSTOMER, customerId, null, null);
    }

    public static EntityKey customerCategory(String customerId, String category) {
        return new EntityKey(Entity.CUSTOMER_CATEGORY, customerId, category, null);
    }

    public static EntityKey offer(String offerId) {
        return new EntityKey(Entity.OFFER, null, null, offerId);
    }

    public static EntityKey customerOffer(String customerId, String offerId) {
        return new EntityKey(Entity.CUSTOMER_OFFER, customerId, null, offerId);
    }
}
