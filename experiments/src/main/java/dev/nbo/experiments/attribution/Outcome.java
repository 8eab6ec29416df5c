package dev.nbo.experiments.attribution;

import java.time.Instant;
import java.util.Objects;

/**
 * An outcome event: an open, a click or a purchase, perhaps naming the request and offer it answers.
 *
 * @param requestId the offers request it answers; null when the ESP did not send one
 * @param offerId   the offer it concerns; null when unknown
 * @param revenue   a purchase's amount; 0 for opens, clicks and purchases without an amount
 */
public record Outcome(String eventId, String customerId, Instant time, OutcomeType type, String requestId,
                      String offerId, double revenue) {
    public Outcome {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        if (!(revenue >= 0) || !Double.isFinite(revenue)) {
            throw new IllegalArgumentException("outcome " + eventId + " has revenue " + revenue + "; 0 or more");
        }
    }
}
