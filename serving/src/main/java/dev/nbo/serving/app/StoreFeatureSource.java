package dev.nbo.serving.app;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.serving.decision.CustomerView;
import dev.nbo.serving.decision.FeatureSource;
import dev.nbo.serving.store.CustomerFeatures;
import dev.nbo.serving.store.OnlineFeatures;
import java.util.Map;
import java.util.Optional;

/**
 * The decision's view of the online store. A customer is known when the store holds a record of them; a customer
 * with behaviour but no profile is known with an empty profile (no region, consent unknown — which is not an
 * opt-out).
 */
final class StoreFeatureSource implements FeatureSource {
    private final OnlineFeatures features;

    StoreFeatureSource(OnlineFeatures features) {
        this.features = features;
    }

    @Override
    public Optional<CustomerView> customer(String customerId, long nowMicros) {
        CustomerFeatures found = features.customer(new CustomerId(customerId), nowMicros);
        if (!found.known()) {
            return Optional.empty();
        }
        CustomerProfile profile = found.profile().orElse(new CustomerProfile(customerId, null, null, null, null, null,
                null, null));
        return Optional.of(new CustomerView() {
            @Override
            public CustomerProfile profile() {
                return profile;
            }

            @Override
            public Map<String, FeatureValue> customerFeatures() {
                return found.customer();
            }

            @Override
            public Map<String, FeatureValue> categoryFeatures(String category) {
                return found.category(category);
            }

            @Override
            public Map<String, FeatureValue> offerFeatures(OfferId offerId) {
                return found.customerOffer(offerId);
            }

            @Override
            public boolean stale() {
                return found.stale();
            }
        });
    }

    @Override
    public Map<String, FeatureValue> offerFeatures(OfferId offerId, long nowMicros) {
        return features.offer(offerId, nowMicros);
    }
}
