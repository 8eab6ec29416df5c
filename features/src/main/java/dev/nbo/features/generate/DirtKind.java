package dev.nbo.features.generate;

import java.util.Locale;

/**
 * The kinds of realistic dirt the generator puts in a warehouse, each with its rate and what the feature pipeline's
 * validator does about it (see {@code WarehouseValidator}). Rates are per row of the kind named.
 */
public enum DirtKind {
    DUPLICATE_EVENT(0.005, "an event re-sent with the same event_id and a later ingested_at (dropped as duplicate_event_id)"),
    LATE_EVENT(0.01, "ingested_at 1 hour to 5 days after event_time (kept; counted late_arriving when over 24 hours)"),
    INGESTED_BEFORE_EVENT(0.0002, "a device clock ahead: ingested_at 10 minutes to 3 hours before event_time"
            + " (quarantined as ingested_before_event)"),
    UNKNOWN_CUSTOMER_EVENT(0.001, "an extra event of a customer id that is not in customers (unknown_customer)"),
    UNKNOWN_EVENT_TYPE(0.0003, "an extra event with a misspelt type such as pageview (unknown_event_type)"),
    PAGE_VIEW_WITHOUT_PRODUCT(0.0005, "an extra page_view with no product_id (missing_product), per page view"),
    UNKNOWN_PRODUCT(0.0005, "an extra product event naming a product that does not exist (unknown_product),"
            + " per product event"),
    UNKNOWN_OFFER(0.001, "an extra email event naming a retired offer (unknown_offer), per email event"),
    NEGATIVE_QUANTITY(0.002, "a purchase line with a negative quantity (non_positive_quantity), per purchase line"),
    IMPOSSIBLE_BIRTH_YEAR(0.003, "a customer born in 1800 (birth_year_out_of_range: the validator nulls it)"),
    DUPLICATE_CUSTOMER(0.003, "a customer row repeated with a later signup_time (duplicate_customer_id)");

    private final double rate;
    private final String description;

    DirtKind(double rate, String description) {
        this.rate = rate;
        this.description = description;
    }

    public double rate() {
        return rate;
    }

    public String description() {
        return description;
    }

    /** The name in {@code generation.json}, e.g. {@code duplicate_event}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
