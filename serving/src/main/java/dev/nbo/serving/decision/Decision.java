package dev.nbo.serving.decision;

import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.serving.model.Segment;
import java.util.List;
import java.util.Map;

/**
 * The answer for one customer and block.
 *
 * @param fallback     null for a personal decision; otherwise why the block fell back on non-personal offers
 *                     ({@code unknown_customer}, {@code opted_out}, {@code no_eligible_offer})
 * @param candidates   every candidate considered with its score, for the decision log
 * @param features     with explain: the customer features used and their status; otherwise empty
 * @param stale        the online store's data was older than its maximum age (the decision used it anyway)
 */
public record Decision(String requestId, String customerId, String block, Strategy strategy, String modelVersion,
                       Segment segment, String fallback, List<RankedOffer> offers, Map<String, Double> candidates,
                       Map<String, FeatureValue> features, boolean stale) {

    public Decision {
        offers = List.copyOf(offers);
    }

    public boolean isFallback() {
        return fallback != null;
    }
}
