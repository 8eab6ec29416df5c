package dev.nbo.models.warehouse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The behavioural events the warehouse and the event API accept, by their wire names. */
public enum EventType {
    PAGE_VIEW,
    ADD_TO_CART,
    REMOVE_FROM_CART,
    CHECKOUT_START,
    EMAIL_SENT,
    EMAIL_OPEN,
    EMAIL_CLICK,
    UNSUBSCRIBE,
    /**
     * A purchase reported by the e-mail service provider as an experiment outcome (with the request id or offer it is
     * credited to, and its revenue). The warehouse's orders stay the source of truth for purchase features.
     */
    PURCHASE;

    /** The name used in tables, YAML and JSON, e.g. {@code add_to_cart}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
