package dev.nbo.serving.ingest;

import java.util.Locale;

/** The whole batch is refused (nothing of it is stored): the HTTP layer answers 400 or 413 with {@link #code()}. */
public final class BatchRefusedException extends IllegalArgumentException {
    /** Why a batch is refused. */
    public enum Reason {
        /** The body is not valid JSON. */
        MALFORMED_JSON,
        /** The body is valid JSON but not an array. */
        NOT_AN_ARRAY,
        /** The array holds more events than {@link EventBatch#MAX_EVENTS}. */
        BATCH_TOO_LARGE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public BatchRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The stable code, e.g. {@code batch_too_large}. */
    public String code() {
        return reason.wireName();
    }
}
