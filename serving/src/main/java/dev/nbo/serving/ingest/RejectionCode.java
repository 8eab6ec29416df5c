package dev.nbo.serving.ingest;

import java.util.Locale;

/** Why one event of a batch was rejected; the wire names are a stable API for the ESP's integration. */
public enum RejectionCode {
    /** The array element is not a JSON object. */
    NOT_AN_OBJECT,
    /** A required field is absent or null ({@code product_id} is required for product events). */
    MISSING_FIELD,
    /** A field holds a JSON value of the wrong kind, e.g. a number where a string is expected. */
    WRONG_TYPE,
    /** An id does not follow the id rule (1 to 128 letters, digits or {@code _ - . : @ +}). */
    BAD_ID,
    /** {@code time} is not an ISO-8601 instant such as {@code 2026-03-01T10:15:30Z}. */
    BAD_TIME,
    /** {@code time} is more than the allowed clock skew after the time it was received. */
    FUTURE_TIME,
    /** {@code type} is not one of the event types. */
    UNKNOWN_TYPE,
    /** {@code product_id} names no product of the catalog. */
    UNKNOWN_PRODUCT;

    /** The code as sent to clients, e.g. {@code missing_field}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
