package dev.nbo.serving.ingest;

import dev.nbo.models.aggregate.SourceRow;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where accepted events go once they are durable: the online feature store, implemented elsewhere.
 *
 * <p>{@link #stage} is called with each batch as soon as it is in the event log, before the client gets its 202, in
 * log order: a sink that serves reads makes the rows visible to them there (read-your-writes). {@link #apply} is
 * called later, from the ingestor's applier thread, one call at a time, in log order, often with several batches at
 * once, with the very row objects that were staged. When {@code apply} returns, its rows must be as durable as the
 * store itself is: {@link EventIngestor} then records them as applied and never hands them over again (see
 * docs/event-ingestion.md). A write-back sink implements {@link #applyBehind} and {@link #flush} instead: the ingestor
 * then records rows as applied only once they are flushed. Rows replayed from the log after a restart go to the sink
 * without being staged.
 */
@FunctionalInterface
public interface EventSink {
    void apply(List<SourceRow> rows);

    /**
     * Applies rows that bring the sink up to log sequence {@code through} (exclusive). A sink that records
     * {@code through} durably with the rows (in the same commit) overrides this and {@link #appliedThrough()}: the
     * ingestor then resumes from the sink's own position after a crash, and no round is applied twice. By default the
     * rows are applied and the ingestor's checkpoint alone records the position.
     */
    default void apply(List<SourceRow> rows, long through) {
        apply(rows);
    }

    /**
     * Applies rows as {@link #apply(List, long)} does, except that a write-back sink may keep them in memory and make
     * them durable only at its next {@link #flush()} (the ingestor calls it about once a second, when idle, when asked
     * to {@code awaitApplied} and on close). Returns true when the rows are durable already; the ingestor checkpoints
     * {@code through} only then, or after the flush, so whatever a crash loses from memory is replayed from the log.
     * By default the rows are applied durably ({@link #apply(List, long)}).
     */
    default boolean applyBehind(List<SourceRow> rows, long through) {
        apply(rows, through);
        return true;
    }

    /**
     * Makes durable every row {@link #applyBehind} kept in memory, with the last position it was given (as
     * {@link #apply(List, long)} would have). A failure keeps them in memory for the next call.
     */
    default void flush() {
    }

    /** The log position the sink recorded with its rows, if it records one. */
    default OptionalLong appliedThrough() {
        return OptionalLong.empty();
    }

    /** Makes durable rows visible to reads before they are applied; by default nothing (reads wait for apply). */
    default void stage(List<SourceRow> rows) {
    }

    /** A sink from its two halves. */
    static EventSink of(Consumer<List<SourceRow>> stage, Consumer<List<SourceRow>> apply) {
        return new EventSink() {
            @Override
            public void apply(List<SourceRow> rows) {
                apply.accept(rows);
            }

            @Override
            public void stage(List<SourceRow> rows) {
                stage.accept(rows);
            }
        };
    }
}
