package dev.nbo.models.encode;

import java.util.Map;
import java.util.Objects;

/**
 * One customer × offer pair to score: the offer and its category, and every feature value by feature name (customer,
 * customer × category of the offer, offer and customer × offer features). A null or absent value is missing.
 */
public record ScoringRow(String offerId, String offerCategory, Map<String, Object> features) {

    public ScoringRow {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(features, "features");
    }

    public Object feature(String name) {
        return features.get(name);
    }
}
