package dev.nbo.serving.ingest;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.id.IdFormat;
import dev.nbo.models.warehouse.EventType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A valid behavioural event, in the warehouse's event schema, enriched with its product's category.
 *
 * @param timeMicros when it happened, epoch microseconds UTC
 * @param productId  required for {@link #PRODUCT_EVENTS}, optional otherwise; null when absent
 * @param category   the category of {@code productId} when the event was accepted; null exactly when there is no
 *                   product
 * @param sessionId  optional, null when absent
 * @param offerId    the e-mail's offer for e-mail events, optional, null when absent
 * @param requestId  the offers request whose e-mail this event answers (outcome attribution), optional, null when
 *                   absent
 * @param revenue    the amount of a {@code purchase} event, optional, null when absent; never negative
 */
public record Event(String eventId, String customerId, long timeMicros, EventType type, String productId,
                    String category, String sessionId, String offerId, String requestId, Double revenue) {
    /** The events about one product, which must name it (as the warehouse validation requires). */
    public static final Set<EventType> PRODUCT_EVENTS = EnumSet.of(EventType.PAGE_VIEW, EventType.ADD_TO_CART,
            EventType.REMOVE_FROM_CART);
    // EventType computes its wire name on each call; at 50,000 events a second the lookups are worth caching.
    private static final Map<EventType, String> WIRE_NAMES = new EnumMap<>(EventType.class);
    private static final Map<String, EventType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (EventType type : EventType.values()) {
            WIRE_NAMES.put(type, type.wireName());
            BY_WIRE_NAME.put(type.wireName(), type);
        }
    }

    public Event {
        IdFormat.check("event id", eventId);
        IdFormat.check("customer id", customerId);
        Objects.requireNonNull(type, "type");
        if (productId != null) {
            IdFormat.check("product id", productId);
        } else if (PRODUCT_EVENTS.contains(type)) {
            throw new IllegalArgumentException("a " + type.wireName() + " event needs a product id; event " + eventId
                    + " has none");
        }
        if ((productId == null) != (category == null)) {
            throw new IllegalArgumentException("event " + eventId + " must have a category exactly when it has a"
                    + " product; got product " + productId + ", category " + category);
        }
        if (sessionId != null) {
            IdFormat.check("session id", sessionId);
        }
        if (offerId != null) {
            IdFormat.check("offer id", offerId);
        }
        if (requestId != null) {
            IdFormat.check("request id", requestId);
        }
        if (revenue != null && !(revenue >= 0 && Double.isFinite(revenue))) {
            throw new IllegalArgumentException("event " + eventId + " has revenue " + revenue + "; revenue is a finite"
                    + " amount, 0 or more");
        }
    }

    /** A behavioural event without outcome fields (no request id, no revenue). */
    public Event(String eventId, String customerId, long timeMicros, EventType type, String productId,
                 String category, String sessionId, String offerId) {
        this(eventId, customerId, timeMicros, type, productId, category, sessionId, offerId, null, null);
    }

    /** The row the feature aggregator reads. */
    public SourceRow toSourceRow() {
        return SourceRow.event(eventId, customerId, timeMicros, wireName(type), productId, category, sessionId,
                offerId);
    }

    static String wireName(EventType type) {
        return WIRE_NAMES.get(type);
    }

    static Optional<EventType> typeOf(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
