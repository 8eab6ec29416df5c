package dev.nbo.serving.ingest;

import java.util.Objects;

/**
 * One rejected event of a batch.
 *
 * @param index  its position in the posted array, from 0
 * @param code   why, as a stable code
 * @param detail what was wrong and what to do, for a person reading the response
 */
public record Rejection(int index, RejectionCode code, String detail) {
    public Rejection {
        if (index < 0) {
            throw new IllegalArgumentException("a rejection index is a position in the batch, >= 0; got " + index);
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
