package dev.nbo.serving.store;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One customer's feature values as of one time, read from a single store record: customer features, and customer x
 * category and customer x offer features on demand. Belongs to one request (not thread-safe: it holds the request's
 * own aggregator).
 *
 * <p>Missing data is explicit: {@link #known()} is false for a customer the store has no record of (every value then
 * has the status a customer without data gets: zero counts, defaults, missing attributes), and {@link #stale()} is
 * true when the store's data is older than the configured maximum age at the as-of time.
 */
public final class CustomerFeatures {
    private final CustomerId customerId;
    private final long asOfMicros;
    private final boolean known;
    private final boolean stale;
    private final IncrementalAggregator aggregator;
    private final CustomerProfile profile;
    private Map<String, FeatureValue> customer;
    // a decision asks for the same category (offers share categories) and the same offer (eligibility, then
    // scoring) several times; each answer is a full pass over that entity's features, so it is kept for the request
    private final Map<String, Map<String, FeatureValue>> categories = new HashMap<>();
    private final Map<OfferId, Map<String, FeatureValue>> customerOffers = new HashMap<>();
    // most candidate offers of a wide block have no state for the customer: their values are all defaults, the same
    // for every such offer (no attribute feature reads the offer here), so they are computed once per request
    private final Map<Entity, Map<String, FeatureValue>> withoutState = new EnumMap<>(Entity.class);

    CustomerFeatures(CustomerId customerId, long asOfMicros, boolean known, boolean stale,
                     IncrementalAggregator aggregator, CustomerProfile profile) {
        this.profile = profile;
        this.customerId = customerId;
        this.asOfMicros = asOfMicros;
        this.known = known;
        this.stale = stale;
        this.aggregator = aggregator;
    }

    public CustomerId customerId() {
        return customerId;
    }

    public long asOfMicros() {
        return asOfMicros;
    }

    /** The profile attributes (CRM), or empty when the store has none for this customer. */
    public java.util.Optional<CustomerProfile> profile() {
        return java.util.Optional.ofNullable(profile);
    }

    /** True when the store holds a record (profile or state) of this customer. */
    public boolean known() {
        return known;
    }

    /** True when the store has seen no data for longer than the configured {@code stale_after} before the as-of time. */
    public boolean stale() {
        return stale;
    }

    /** The customer-entity features, in spec order. */
    public Map<String, FeatureValue> customer() {
        if (customer == null) {
            // read-only: an experiment's decisions of one request share it (CustomerReads)
            customer = Collections.unmodifiableMap(aggregator.values(EntityKey.customer(customerId.value()),
                    asOfMicros));
        }
        return customer;
    }

    /** The customer x category features for one category, in spec order. */
    public Map<String, FeatureValue> category(String category) {
        return categories.computeIfAbsent(category, c ->
                values(EntityKey.customerCategory(customerId.value(), c)));
    }

    /** The customer x offer features for one offer, in spec order. */
    public Map<String, FeatureValue> customerOffer(OfferId offer) {
        return customerOffers.computeIfAbsent(offer, o ->
                values(EntityKey.customerOffer(customerId.value(), o.value())));
    }

    private Map<String, FeatureValue> values(EntityKey key) {
        if (!aggregator.hasState(key) && readsNoAttribute(key.entity())) {
            return withoutState.computeIfAbsent(key.entity(), e ->
                    Collections.unmodifiableMap(aggregator.values(key, asOfMicros)));
        }
        return Collections.unmodifiableMap(aggregator.values(key, asOfMicros));
    }

    private boolean readsNoAttribute(Entity entity) {
        return !aggregator.spec().entitiesWithAttributes().contains(entity);
    }
}
