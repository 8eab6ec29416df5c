package dev.nbo.serving.decision;

import dev.nbo.models.offer.Offer;
import java.util.List;

/**
 * One offer of a decision, in rank order (1 = first).
 *
 * @param score      what the offer was ranked by: priority under the model strategy, the rule order under rules,
 *                   recent buyers under popular
 * @param propensity the model's probability that the customer converts on it (NaN when the model did not score)
 */
public record RankedOffer(Offer offer, int rank, double score, double propensity, String category,
                          List<String> reasons) {

    public RankedOffer {
        reasons = List.copyOf(reasons);
    }
}
