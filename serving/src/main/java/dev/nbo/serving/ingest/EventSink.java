package dev.nbo.serving.ingest;

import dev.nbo.models.aggregate.SourceRow;
import java.util.List;

/**
 * Where accepted events go once they are durable: the online feature store, implemented elsewhere. Called by one
 * thread at a time, in log order. When {@code apply} returns, the rows must be as durable as the store itself is:
 * {@link EventIngestor} then records them as applied and never hands them over again (see docs/event-ingestion.md).
 */
@FunctionalInterface
public interface EventSink {
    void apply(List<SourceRow> rows);
}
