package dev.nbo.serving.decision;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A feature source over one real incremental aggregator fed by the test: the online store without persistence. */
final class AggregatorFeatures implements FeatureSource {
    private final IncrementalAggregator aggregator;
    private final Map<String, CustomerProfile> profiles = new HashMap<>();

    AggregatorFeatures(FeatureSpec spec, OfferCatalog offers) {
        this.aggregator = new IncrementalAggregator(spec, offers);
    }

    void profile(CustomerProfile profile) {
        profiles.put(profile.customerId(), profile);
        aggregator.upsertProfile(profile);
    }

    void accept(SourceRow row) {
        aggregator.accept(row);
    }

    @Override
    public Optional<CustomerView> customer(String customerId, long nowMicros) {
        CustomerProfile profile = profiles.get(customerId);
        if (profile == null) {
            return Optional.empty();
        }
        return Optional.of(new CustomerView() {
            @Override
            public CustomerProfile profile() {
                return profile;
            }

            @Override
            public Map<String, FeatureValue> customerFeatures() {
                return aggregator.values(EntityKey.customer(customerId), nowMicros);
            }

            @Override
            public Map<String, FeatureValue> categoryFeatures(String category) {
                return aggregator.values(EntityKey.customerCategory(customerId, category), nowMicros);
            }

            @Override
            public Map<String, FeatureValue> offerFeatures(OfferId offerId) {
                return aggregator.values(new EntityKey(Entity.CUSTOMER_OFFER, customerId, null, offerId.value()),
                        nowMicros);
            }
        });
    }

    @Override
    public Map<String, FeatureValue> offerFeatures(OfferId offerId, long nowMicros) {
        return aggregator.values(EntityKey.offer(offerId.value()), nowMicros);
    }
}
