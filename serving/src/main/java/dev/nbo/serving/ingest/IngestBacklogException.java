package dev.nbo.serving.ingest;

/**
 * The online store's applier has been too far behind the event log for too long (back-pressure): the batch was not
 * stored, and the sender should retry later. The route answers 503 with Retry-After.
 */
public final class IngestBacklogException extends IllegalStateException {
    public IngestBacklogException(String message) {
        super(message);
    }
}
