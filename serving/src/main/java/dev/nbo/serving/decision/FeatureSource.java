package dev.nbo.serving.decision;

import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.id.OfferId;
import java.util.Map;
import java.util.Optional;

/** Where the decision reads features: the online store, at the request's time. */
public interface FeatureSource {

    /** The customer's view, or empty for a customer the store does not know (or erased). */
    Optional<CustomerView> customer(String customerId, long nowMicros);

    /** Offer-level feature values (e.g. recent buyers of the offer's target). */
    Map<String, FeatureValue> offerFeatures(OfferId offerId, long nowMicros);
}
