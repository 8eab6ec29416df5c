package dev.nbo.serving.ingest;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.serving.log.AppendLog;
import dev.nbo.serving.log.FileAppendLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Ingests posted event batches: validate ({@link EventBatch}), drop duplicates by event id, append the new events to
 * the event log (durable before {@link #ingest} returns), then apply them to the {@link EventSink}.
 *
 * <p>Exactly-once towards the sink rests on a checkpoint of how many log records the sink has applied, written
 * (forced) after each {@code apply}. On open, and before each batch, records after the checkpoint are replayed into
 * the sink, so events whose {@code apply} a crash or a sink failure prevented are applied late but not lost. The one
 * gap: a crash between {@code apply} returning and the checkpoint write re-applies that one batch on restart.
 *
 * <p>Batches are stored one at a time (a lock around dedup, append, apply): dedup must see the ids of the batch
 * before, and the sink must get rows in log order for the checkpoint to mean anything. Parsing, validation and
 * encoding, the costly part, run outside the lock, so concurrent batches overlap them with each other's fsync.
 */
public final class EventIngestor implements AutoCloseable {
    /** The default idempotency window: the ids of the last million accepted events (about 100 MB of heap). */
    public static final int DEFAULT_ID_WINDOW = 1_000_000;
    private static final int REPLAY_CHUNK = 1_000;

    private final AppendLog log;
    private final AppliedCheckpoint checkpoint;
    private final EventIdWindow ids;
    private final Function<String, Optional<String>> categoryOf;
    private final EventSink sink;
    private final Clock clock;
    private final Object storing = new Object();

    private EventIngestor(AppendLog log, AppliedCheckpoint checkpoint, int idWindow,
                          Function<String, Optional<String>> categoryOf, EventSink sink, Clock clock) {
        this.log = log;
        this.checkpoint = checkpoint;
        this.ids = new EventIdWindow(idWindow);
        this.categoryOf = categoryOf;
        this.sink = sink;
        this.clock = clock;
        long size = log.size();
        if (checkpoint.applied() > size) {
            throw new IllegalStateException("the checkpoint says " + checkpoint.applied() + " events were applied but"
                    + " the event log holds only " + size + ": the log was replaced or truncated; restore it, or"
                    + " delete the checkpoint and reload the store from a snapshot");
        }
        log.replay(Math.max(0, size - idWindow), (sequence, record) -> ids.add(EventLogCodec.eventId(record)));
        applyUnapplied();
    }

    /** Opens the ingestor on {@code folder} with the default id window. */
    public static EventIngestor open(Path folder, Function<String, Optional<String>> categoryOf, EventSink sink,
                                     Clock clock) {
        return open(folder, DEFAULT_ID_WINDOW, categoryOf, sink, clock);
    }

    /**
     * Opens the ingestor on {@code folder} (event log in {@code folder/log}, checkpoint in
     * {@code folder/applied.checkpoint}), rebuilds the id window from the end of the log and applies to {@code sink}
     * every logged event it has not applied yet, before returning; so the sink must be ready to take them.
     *
     * @param idWindow   how many of the latest event ids are remembered for idempotency
     * @param categoryOf the category of a product id, empty for an unknown product
     */
    public static EventIngestor open(Path folder, int idWindow, Function<String, Optional<String>> categoryOf,
                                     EventSink sink, Clock clock) {
        FileAppendLog log = FileAppendLog.open(folder.resolve("log"));
        AppliedCheckpoint checkpoint = null;
        try {
            checkpoint = AppliedCheckpoint.open(folder.resolve("applied.checkpoint"));
            return new EventIngestor(log, checkpoint, idWindow, categoryOf, sink, clock);
        } catch (RuntimeException e) {
            if (checkpoint != null) {
                checkpoint.close();
            }
            log.close();
            throw e;
        }
    }

    /**
     * Validates a JSON array of events, stores the new valid ones durably and applies them to the sink.
     *
     * @throws BatchRefusedException if the body is not a JSON array or is too large (nothing is stored)
     */
    public IngestResult ingest(byte[] body) {
        Instant now = clock.instant();
        EventBatch batch = EventBatch.parse(body, categoryOf, now);
        // Encoded before taking the lock, so that concurrent batches overlap this work with each other's fsync.
        long ingestedAt = EventBatch.micros(now);
        List<Event> events = batch.events();
        List<byte[]> encoded = new ArrayList<>(events.size());
        List<SourceRow> rows = new ArrayList<>(events.size());
        for (Event event : events) {
            encoded.add(EventLogCodec.encode(event, ingestedAt));
            rows.add(event.toSourceRow());
        }
        synchronized (storing) {
            applyUnapplied();
            List<byte[]> records = new ArrayList<>(events.size());
            List<SourceRow> freshRows = new ArrayList<>(events.size());
            Set<String> inBatch = new LinkedHashSet<>();
            for (int i = 0; i < events.size(); i++) {
                String eventId = events.get(i).eventId();
                if (!ids.contains(eventId) && inBatch.add(eventId)) {
                    records.add(encoded.get(i));
                    freshRows.add(rows.get(i));
                }
            }
            if (!records.isEmpty()) {
                long first = log.append(records);
                inBatch.forEach(ids::add);
                sink.apply(freshRows);
                checkpoint.save(first + records.size());
            }
            return new IngestResult(records.size(), events.size() - records.size(), batch.rejections());
        }
    }

    /** The number of events in the log. */
    public long logSize() {
        return log.size();
    }

    /** The number of logged events the sink has applied. */
    public long applied() {
        synchronized (storing) {
            return checkpoint.applied();
        }
    }

    /**
     * Hands every logged event from {@code fromSequence} on to {@code sink}, in chunks, without touching the
     * checkpoint: for a store that keeps its own position, or one rebuilt in memory at start (pass 0, or the log size
     * at the time of its snapshot).
     */
    public void replay(long fromSequence, EventSink sink) {
        List<SourceRow> chunk = new ArrayList<>(REPLAY_CHUNK);
        log.replay(fromSequence, (sequence, record) -> {
            chunk.add(EventLogCodec.decode(record).toSourceRow());
            if (chunk.size() == REPLAY_CHUNK) {
                sink.apply(List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            sink.apply(List.copyOf(chunk));
        }
    }

    /** Every logged event, oldest first, as accepted (outcome fields included): reports read outcomes with it. */
    public void forEachEvent(java.util.function.Consumer<Event> consumer) {
        log.replay(0, (sequence, record) -> consumer.accept(EventLogCodec.decode(record)));
    }

    private void applyUnapplied() {
        long from = checkpoint.applied();
        long end = log.size();
        if (from >= end) {
            return;
        }
        List<SourceRow> chunk = new ArrayList<>(REPLAY_CHUNK);
        long[] next = {from};
        log.replay(from, (sequence, record) -> {
            if (sequence >= end) {
                return;
            }
            chunk.add(EventLogCodec.decode(record).toSourceRow());
            next[0] = sequence + 1;
            if (chunk.size() == REPLAY_CHUNK) {
                sink.apply(List.copyOf(chunk));
                checkpoint.save(next[0]);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            sink.apply(List.copyOf(chunk));
            checkpoint.save(next[0]);
        }
    }

    @Override
    public void close() {
        synchronized (storing) {
            try {
                log.close();
            } finally {
                checkpoint.close();
            }
        }
    }
}
