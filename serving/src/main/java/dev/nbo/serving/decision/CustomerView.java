package dev.nbo.serving.decision;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.id.OfferId;
import java.util.Map;

/** A customer's online features at the time of the request, as the online store computes them. */
public interface CustomerView {

    CustomerProfile profile();

    /** Customer-level feature values by name. */
    Map<String, FeatureValue> customerFeatures();

    /** Customer × category feature values for one category. */
    Map<String, FeatureValue> categoryFeatures(String category);

    /** Customer × offer feature values for one offer. */
    Map<String, FeatureValue> offerFeatures(OfferId offerId);

    /** True when the store's data is older than its maximum age: the values are real but may be out of date. */
    default boolean stale() {
        return false;
    }
}
