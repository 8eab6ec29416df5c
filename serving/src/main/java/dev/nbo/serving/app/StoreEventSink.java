package dev.nbo.serving.app;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.serving.ingest.EventSink;
import dev.nbo.serving.store.EventApplier;
import dev.nbo.serving.store.OnlineStore;
import java.util.List;
import java.util.OptionalLong;

/**
 * The event ingestor's sink in the service: rows are staged for reads at once, applied to the online store later,
 * and the store records the log position with them, all or nothing ({@link OnlineStore#writeAtomically}) — so after a
 * crash the ingestor resumes from what the store really holds (KillDuringIngestionIT), and a round is never applied
 * twice on the embedded store. The ingestor's rounds go through {@link #applyBehind}: the applier keeps them in memory
 * and {@link #flush} writes them, with their position, about once a second (docs/event-ingestion.md, "Applying behind
 * the log").
 */
final class StoreEventSink implements EventSink {
    private final EventApplier applier;
    private final OnlineStore store;
    /** The position of the rows applied in memory and not written yet; -1 when there are none (applier thread). */
    private long unwrittenThrough = -1;

    StoreEventSink(EventApplier applier, OnlineStore store) {
        this.applier = applier;
        this.store = store;
    }

    @Override
    public void stage(List<SourceRow> rows) {
        applier.stage(rows);
    }

    @Override
    public void apply(List<SourceRow> rows) {
        applier.apply(rows);
        store.flush();
    }

    @Override
    public void apply(List<SourceRow> rows, long through) {
        store.writeAtomically(() -> {
            applier.apply(rows);
            store.markEventsApplied(through);
        });
    }

    /**
     * Applies the rows in the applier's memory only; {@link #flush} writes them with {@code through}. When the cache is
     * full of unwritten customers (many distinct customers active), writes back at once and says so.
     */
    @Override
    public boolean applyBehind(List<SourceRow> rows, long through) {
        applier.accept(rows);
        unwrittenThrough = through;
        if (applier.cacheFull()) {
            flush();
            return true;
        }
        return false;
    }

    @Override
    public void flush() {
        long through = unwrittenThrough;
        store.writeAtomically(() -> {
            applier.writeBack();
            if (through >= 0) {
                store.markEventsApplied(through);
            }
        });
        unwrittenThrough = -1;
    }

    @Override
    public OptionalLong appliedThrough() {
        return store.eventsApplied();
    }
}
