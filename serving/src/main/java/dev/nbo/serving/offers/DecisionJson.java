package dev.nbo.serving.offers;

import dev.nbo.models.aggregate.FeatureStatus;
import dev.nbo.serving.content.RankedOffer;
import dev.nbo.serving.decision.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON body of a decision, as the API documents it (camelCase). */
final class DecisionJson {
    private DecisionJson() {
    }

    static Map<String, Object> of(Decision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", decision.requestId());
        json.put("customerId", decision.customerId());
        json.put("block", decision.block());
        json.put("strategy", decision.strategy().wireName());
        json.put("modelVersion", decision.modelVersion());
        json.put("segment", decision.segment() == null ? null
                : Map.of("id", decision.segment().id(), "name", decision.segment().name()));
        json.put("fallback", decision.fallback());
        json.put("stale", decision.stale());
        if (decision.experiment() != null) {
            json.put("experiment", Map.of("name", decision.experiment().experiment(), "arm",
                    decision.experiment().arm()));
        }
        List<Map<String, Object>> offers = new ArrayList<>();
        for (var offer : decision.offers()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("offerId", offer.offer().id().value());
            o.put("rank", offer.rank());
            o.put("score", finite(offer.score()));
            o.put("propensity", finite(offer.propensity()));
            o.put("value", offer.offer().value());
            o.put("category", offer.category());
            o.put("reasons", offer.reasons());
            o.put("content", RankedOffer.contentOf(offer.offer().content()));
            offers.add(o);
        }
        json.put("offers", offers);
        if (!decision.features().isEmpty()) {
            Map<String, Object> features = new LinkedHashMap<>();
            decision.features().forEach((name, value) -> {
                // a value from data older than the store's maximum age is reported as stale, not present
                String status = decision.stale() && value.status() == FeatureStatus.PRESENT ? "stale"
                        : value.status().name().toLowerCase(java.util.Locale.ROOT);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("value", value.value());
                entry.put("status", status);
                features.put(name, entry);
            });
            json.put("features", features);
        }
        return json;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
