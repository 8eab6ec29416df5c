package dev.nbo.serving.offers;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.nbo.models.aggregate.FeatureStatus;
import dev.nbo.serving.content.RankedOffer;
import dev.nbo.serving.decision.Decision;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON body of a decision, as the API documents it (camelCase), written straight to a generator: every offers
 * request answers with one, and building a tree of maps first cost as much as writing it.
 */
final class DecisionJson {
    private DecisionJson() {
    }

    static void write(JsonGenerator json, Decision decision) throws IOException {
        json.writeStartObject();
        json.writeStringField("requestId", decision.requestId());
        json.writeStringField("customerId", decision.customerId());
        json.writeStringField("block", decision.block());
        json.writeStringField("strategy", decision.strategy().wireName());
        json.writeStringField("modelVersion", decision.modelVersion());
        json.writeFieldName("segment");
        if (decision.segment() == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeNumberField("id", decision.segment().id());
            json.writeStringField("name", decision.segment().name());
            json.writeEndObject();
        }
        json.writeStringField("fallback", decision.fallback());
        json.writeBooleanField("stale", decision.stale());
        if (decision.experiment() != null) {
            json.writeObjectFieldStart("experiment");
            json.writeStringField("name", decision.experiment().experiment());
            json.writeStringField("arm", decision.experiment().arm());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("offers");
        for (var offer : decision.offers()) {
            json.writeStartObject();
            json.writeStringField("offerId", offer.offer().id().value());
            json.writeNumberField("rank", offer.rank());
            writeFinite(json, "score", offer.score());
            writeFinite(json, "propensity", offer.propensity());
            json.writeNumberField("value", offer.offer().value());
            json.writeStringField("category", offer.category());
            json.writeArrayFieldStart("reasons");
            for (String reason : offer.reasons()) {
                json.writeString(reason);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("content");
            for (Map.Entry<String, String> field : RankedOffer.contentOf(offer.offer().content()).entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (!decision.features().isEmpty()) {
            json.writeObjectFieldStart("features");
            for (var feature : decision.features().entrySet()) {
                // a value from data older than the store's maximum age is reported as stale, not present
                String status = decision.stale() && feature.getValue().status() == FeatureStatus.PRESENT ? "stale"
                        : feature.getValue().status().name().toLowerCase(Locale.ROOT);
                json.writeObjectFieldStart(feature.getKey());
                json.writeFieldName("value");
                json.writeObject(feature.getValue().value());
                json.writeStringField("status", status);
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** A score or propensity; null when the strategy gave none (NaN). */
    private static void writeFinite(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(field, value);
        } else {
            json.writeNullField(field);
        }
    }
}
