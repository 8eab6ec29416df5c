package dev.nbo.serving.decision;

import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The feature values of one customer × offer pair, as the encoder reads them (raw values by feature name): a
 * read-only view over the four entities' value maps, each name looked up in its own entity's map. A decision scores
 * 50+ candidates of one customer, and copying the customer's values into a map per candidate cost more than the
 * model itself.
 */
final class CandidateFeatures extends AbstractMap<String, Object> {

    /** Which entity each feature of a spec belongs to; built once per engine. */
    static final class Routing {
        private final Map<String, Entity> entityOf = new HashMap<>();

        Routing(FeatureSpec spec) {
            for (FeatureDefinition feature : spec.features()) {
                entityOf.put(feature.name(), feature.entity());
            }
        }
    }

    private final Routing routing;
    private final Map<String, FeatureValue> customer;
    private final Map<String, FeatureValue> category;
    private final Map<String, FeatureValue> offer;
    private final Map<String, FeatureValue> customerOffer;

    /** {@code category} is null when the offer has no category. */
    CandidateFeatures(Routing routing, Map<String, FeatureValue> customer, Map<String, FeatureValue> category,
                      Map<String, FeatureValue> offer, Map<String, FeatureValue> customerOffer) {
        this.routing = routing;
        this.customer = customer;
        this.category = category == null ? Map.of() : category;
        this.offer = offer;
        this.customerOffer = customerOffer;
    }

    private Map<String, FeatureValue> valuesOf(Entity entity) {
        return switch (entity) {
            case CUSTOMER -> customer;
            case CUSTOMER_CATEGORY -> category;
            case OFFER -> offer;
            case CUSTOMER_OFFER -> customerOffer;
        };
    }

    @Override
    public Object get(Object name) {
        Entity entity = routing.entityOf.get(name);
        if (entity == null) {
            return null;
        }
        FeatureValue value = valuesOf(entity).get(name);
        return value == null ? null : value.value();
    }

    @Override
    public boolean containsKey(Object name) {
        Entity entity = routing.entityOf.get(name);
        return entity != null && valuesOf(entity).containsKey(name);
    }

    /** Every value (for printing and comparing; the encoder only calls {@link #get}). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Entity entity : Entity.values()) {
            valuesOf(entity).forEach((name, value) -> all.put(name, value == null ? null : value.value()));
        }
        return all.entrySet();
    }
}
