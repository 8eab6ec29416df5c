package dev.nbo.training.simulate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event the simulated e-mail service provider posts to {@code POST /v1/events}, in the event schema of the
 * serving API (snake_case).
 *
 * @param offerId   the offer the event is about (the lead offer of a sent or opened e-mail, the clicked one, the one
 *                  whose visit bought); null when the e-mail showed none
 * @param productId the product a purchase was about, null on other events
 * @param revenue   a purchase's amount, null on other events
 */
public record OutcomeEvent(String eventId, String customerId, Instant time, String type, String requestId,
                           String offerId, String productId, Double revenue) {
    public static final String SENT = "email_sent";
    public static final String OPEN = "email_open";
    public static final String CLICK = "email_click";
    public static final String PURCHASE = "purchase";

    public OutcomeEvent {
        if (revenue != null && !type.equals(PURCHASE)) {
            throw new IllegalArgumentException("event " + eventId + ": revenue is for purchases only, not " + type);
        }
    }

    /** The JSON object, absent fields left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_id", eventId);
        json.put("customer_id", customerId);
        json.put("time", time.toString());
        json.put("type", type);
        json.put("request_id", requestId);
        if (offerId != null) {
            json.put("offer_id", offerId);
        }
        if (productId != null) {
            json.put("product_id", productId);
        }
        if (revenue != null) {
            json.put("revenue", revenue);
        }
        return json;
    }
}
