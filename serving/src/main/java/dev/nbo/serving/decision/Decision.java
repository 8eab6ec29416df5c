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
 * @param experiment   the experiment arm that decided it; null outside experiments
 */
public record Decision(String requestId, String customerId, String block, Strategy strategy, String modelVersion,
                       Segment segment, String fallback, List<RankedOffer> offers, Map<String, Double> candidates,
                       Map<String, FeatureValue> features, boolean stale, ExperimentArm experiment) {

    public Decision {
        offers = List.copyOf(offers);
    }

    /** A decision outside experiments. */
    public Decision(String requestId, String customerId, String block, Strategy strategy, String modelVersion,
                    Segment segment, String fallback, List<RankedOffer> offers, Map<String, Double> candidates,
                    Map<String, FeatureValue> features, boolean stale) {
        this(requestId, customerId, block, strategy, modelVersion, segment, fallback, offers, candidates, features,
                stale, null);
    }

    /** This decision as made in {@code arm} of an experiment. */
    public Decision inExperiment(ExperimentArm arm) {
        return new Decision(requestId, customerId, block, strategy, modelVersion, segment, fallback, offers,
                candidates, features, stale, arm);
    }

    /** The first offer shown, or null when none was. */
    public String firstOfferId() {
        return offers.isEmpty() ? null : offers.get(0).offer().id().value();
    }

    public boolean isFallback() {
        return fallback != null;
    }
}
