package dev.nbo.serving.ingest;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.serving.log.AppendLog;
import dev.nbo.serving.log.FileAppendLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Ingests posted event batches: validate ({@link EventBatch}), drop duplicates by event id, append the new events to
 * the event log (durable before {@link #ingest} returns) and stage them in the {@link EventSink} (visible to reads);
 * a background applier thread then applies them to the sink, many batches per call.
 *
 * <p>Why apply behind the log: applying is a read-modify-write of every customer record a batch touches, the cost
 * of ingestion (docs/event-ingestion.md); the applier takes everything queued since its last call at once, so a
 * customer with events in ten queued batches is read and written once, not ten times, and the store commits once.
 * The log is the durable truth meanwhile, and the staged rows keep read-your-writes.
 *
 * <p>Exactly-once towards the sink rests on a checkpoint of how many log records the sink has applied, written
 * (forced) after each {@code apply}. On open, records after the checkpoint are replayed into the sink before anything
 * else, so events whose {@code apply} a crash prevented are applied late but not lost. The one gap: a crash between
 * {@code apply} returning and the checkpoint write re-applies those rows on restart.
 *
 * <p>Batches are stored one at a time (a lock around dedup, append, stage): dedup must see the ids of the batch
 * before, and the sink must get rows in log order for the checkpoint to mean anything. Parsing, validation and
 * encoding run outside the lock, so concurrent batches overlap them with each other's fsync.
 */
public final class EventIngestor implements AutoCloseable {
    /** The default idempotency window: the ids of the last million accepted events (about 100 MB of heap). */
    public static final int DEFAULT_ID_WINDOW = 1_000_000;
    /** Logged events not yet applied beyond which {@link #ingest} waits for the applier (back-pressure). */
    static final int MAX_UNAPPLIED = 200_000;
    /** How long {@link #ingest} waits for room before it gives up (and how long close waits for the applier). */
    static final Duration BACKLOG_WAIT = Duration.ofSeconds(30);
    private static final int REPLAY_CHUNK = 1_000;
    private static final long RETRY_MILLIS = 1_000;
    /**
     * The applier's rounds start at most this often. Longer rounds coalesce more events per customer record (one
     * read-modify-write and one store commit per round, not per batch); reads do not wait for them (staged rows).
     */
    static final Duration ROUND_EVERY = Duration.ofMillis(100);
    /**
     * How long a write-back sink may keep applied rounds in memory before the applier flushes them (and checkpoints):
     * a customer active in every round is then written once a second, not ten times. A crash loses at most this much
     * of the applied state, which the replay from the checkpoint re-derives from the log.
     */
    static final Duration WRITE_BACK_EVERY = Duration.ofSeconds(1);
    /** Events a write-back sink may hold unflushed before the applier flushes at once (bounds the staged rows). */
    static final int MAX_UNWRITTEN = 100_000;
    private static final System.Logger LOG = System.getLogger(EventIngestor.class.getName());

    private final AppendLog log;
    private final AppliedCheckpoint checkpoint;
    private final EventIdWindow ids;
    private final Function<String, Optional<String>> categoryOf;
    private final EventSink sink;
    private final Clock clock;
    private final Object storing = new Object();
    private final Backlog backlog;
    private final Object checkpointing = new Object();
    private final Thread applier;
    /** The applier thread's write-back state: position and count of events applied but not flushed yet. */
    private long unwrittenThrough = -1;
    private long unwrittenEvents;
    private long lastWriteNanos = System.nanoTime();

    /** One appended batch waiting for the applier: its first log sequence and its rows (as staged). */
    private record Logged(long first, List<SourceRow> rows) {
    }

    private EventIngestor(AppendLog log, AppliedCheckpoint checkpoint, int idWindow, Backlog backlog,
                          Function<String, Optional<String>> categoryOf, EventSink sink, Clock clock) {
        this.log = log;
        this.backlog = backlog;
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
        resumeFromTheSinksPosition(size);
        log.replay(Math.max(0, size - idWindow), (sequence, record) -> ids.add(EventLogCodec.eventId(record)));
        applyUnapplied();
        this.applier = new Thread(this::applyLoop, "nbo-event-applier");
        applier.setDaemon(true);
        applier.start();
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
        return open(folder, idWindow, MAX_UNAPPLIED, BACKLOG_WAIT, categoryOf, sink, clock);
    }

    /** As above, with the back-pressure limits of {@link #ingest} given (tests). */
    static EventIngestor open(Path folder, int idWindow, int maxUnapplied, Duration backlogWait,
                              Function<String, Optional<String>> categoryOf, EventSink sink, Clock clock) {
        FileAppendLog log = FileAppendLog.open(folder.resolve("log"));
        AppliedCheckpoint checkpoint = null;
        try {
            checkpoint = AppliedCheckpoint.open(folder.resolve("applied.checkpoint"));
            return new EventIngestor(log, checkpoint, idWindow, new Backlog(maxUnapplied, backlogWait), categoryOf,
                    sink, clock);
        } catch (RuntimeException e) {
            if (checkpoint != null) {
                checkpoint.close();
            }
            log.close();
            throw e;
        }
    }

    /**
     * Validates a JSON array of events, stores the new valid ones durably and stages them in the sink; the applier
     * thread applies them soon after. Waits while {@link #MAX_UNAPPLIED} events are behind (back-pressure: the
     * accepted rate cannot outrun the store for long, and the staged rows stay bounded in memory).
     *
     * @throws BatchRefusedException if the body is not a JSON array or is too large (nothing is stored)
     * @throws IngestBacklogException if the applier has been that far behind for {@link #BACKLOG_WAIT} (nothing is
     *                               stored)
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
        backlog.awaitRoom();
        synchronized (storing) {
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
                sink.stage(freshRows);
                backlog.add(new Logged(first, freshRows));
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
        synchronized (checkpointing) {
            return checkpoint.applied();
        }
    }

    /**
     * Waits until every event accepted so far is applied to the sink, durably (flushed) and checkpointed, at most
     * {@code timeout}; false if some still are not (the sink keeps failing, or it is far behind).
     */
    public boolean awaitApplied(Duration timeout) {
        return backlog.awaitEmpty(timeout);
    }

    /**
     * Hands every logged event from {@code fromSequence} on to {@code sink}, in chunks, without touching the
     * checkpoint: for a store that keeps its own position, or one rebuilt in memory at start (pass 0, or the log size
     * at the time of its snapshot).
     */
    public void replay(long fromSequence, EventSink sink) {
        List<SourceRow> chunk = new ArrayList<>(REPLAY_CHUNK);
        log.replay(fromSequence, (sequence, record) -> {
            Event event = EventLogCodec.decode(record);
            if (event != null) {
                chunk.add(event.toSourceRow());
            }
            if (chunk.size() == REPLAY_CHUNK) {
                sink.apply(List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            sink.apply(List.copyOf(chunk));
        }
    }

    /**
     * Every logged event, oldest first, as accepted (outcome fields included), erased ones left out: reports read
     * outcomes with it.
     */
    public void forEachEvent(java.util.function.Consumer<Event> consumer) {
        log.replay(0, (sequence, record) -> {
            Event event = EventLogCodec.decode(record);
            if (event != null) {
                consumer.accept(event);
            }
        });
    }

    /**
     * GDPR erasure in the event log: rewrites each of the customer's records without its customer and session ids
     * (blocking appends meanwhile); the events stay counted by id so that a resent one is still a duplicate.
     *
     * @return how many of the customer's events were erased
     */
    public int erase(String customerId) {
        java.util.concurrent.atomic.AtomicInteger erased = new java.util.concurrent.atomic.AtomicInteger();
        log.rewrite(record -> {
            byte[] rewritten = EventLogCodec.erasedOf(record, customerId);
            if (rewritten == null) {
                return record;
            }
            erased.incrementAndGet();
            return rewritten;
        });
        return erased.get();
    }

    /**
     * A sink that records its position with its rows may be ahead of the checkpoint (a crash after its commit, before
     * the checkpoint's): it holds those events already, so the checkpoint catches up instead of applying them twice.
     */
    private void resumeFromTheSinksPosition(long size) {
        java.util.OptionalLong stored = sink.appliedThrough();
        if (stored.isEmpty() || stored.getAsLong() <= checkpoint.applied()) {
            return;
        }
        if (stored.getAsLong() > size) {
            throw new IllegalStateException("the online store says it holds the first " + stored.getAsLong()
                    + " events of the log, but the event log holds only " + size + ": the log was replaced or"
                    + " truncated; restore it, or reload the store from a snapshot into a new file");
        }
        checkpoint.save(stored.getAsLong());
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
            Event event = EventLogCodec.decode(record);
            if (event != null) {
                chunk.add(event.toSourceRow());
            }
            next[0] = sequence + 1;
            if (chunk.size() == REPLAY_CHUNK) {
                applyReplayed(List.copyOf(chunk), next[0]);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty() || next[0] > checkpoint.applied()) {
            applyReplayed(List.copyOf(chunk), next[0]);
        }
        if (unwrittenThrough >= 0) {
            sink.flush();
            wroteBack();
        }
    }

    private void applyReplayed(List<SourceRow> rows, long through) {
        if (sink.applyBehind(rows, through)) {
            checkpoint.save(through);
        } else {
            unwrittenThrough = through;
            unwrittenEvents += rows.size();
            if (unwrittenEvents >= MAX_UNWRITTEN) {
                sink.flush();
                wroteBack();
            }
        }
    }

    /**
     * The applier thread: takes every batch queued since its last round and applies them in one
     * {@code sink.applyBehind}; checkpoints when they are durable, else flushes the sink once a second (sooner when
     * it holds {@link #MAX_UNWRITTEN} events, when idle, or when {@link #awaitApplied} asks) and checkpoints then. A
     * failing sink keeps the batches queued (or the rows unflushed) and is retried every second; the events are safe
     * in the log meanwhile, and ingestion waits (then fails) once the back-pressure limit is reached.
     */
    private void applyLoop() {
        while (true) {
            long started = System.nanoTime();
            if (unwrittenThrough >= 0 && (started - lastWriteNanos >= WRITE_BACK_EVERY.toNanos()
                    || unwrittenEvents >= MAX_UNWRITTEN || backlog.writeWanted()) && !writeBack()) {
                if (backlog.isClosed()) {
                    return; // what is not written is replayed from the log at the next open
                }
                continue;
            }
            List<Logged> round = backlog.take(unwrittenThrough < 0 ? Long.MAX_VALUE
                    : lastWriteNanos + WRITE_BACK_EVERY.toNanos());
            if (round.isEmpty()) {
                if (backlog.isClosed()) {
                    if (unwrittenThrough >= 0) {
                        writeBack();
                    }
                    return;
                }
                continue;
            }
            List<SourceRow> rows = new ArrayList<>();
            round.forEach(logged -> rows.addAll(logged.rows()));
            Logged last = round.get(round.size() - 1);
            try {
                long through = last.first() + last.rows().size();
                if (sink.applyBehind(rows, through)) {
                    synchronized (checkpointing) {
                        checkpoint.save(through);
                    }
                } else {
                    unwrittenThrough = through;
                    unwrittenEvents += rows.size();
                }
                backlog.applied(round, unwrittenThrough >= 0);
                backlog.pauseUntil(started + ROUND_EVERY.toNanos());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot apply " + rows.size() + " events to the online store"
                        + " (they are in the event log; retrying in " + RETRY_MILLIS + " ms): " + e.getMessage(), e);
                if (!backlog.failed(round, e)) {
                    return;
                }
            }
        }
    }

    /** Flushes the sink and checkpoints what it held; false (after a pause) when that failed and should be retried. */
    private boolean writeBack() {
        try {
            sink.flush();
            wroteBack();
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot write " + unwrittenEvents + " applied events to the online"
                    + " store (they are in the event log; retrying in " + RETRY_MILLIS + " ms): " + e.getMessage(), e);
            backlog.writeFailed(e);
            return false;
        }
    }

    private void wroteBack() {
        synchronized (checkpointing) {
            checkpoint.save(unwrittenThrough);
        }
        unwrittenThrough = -1;
        unwrittenEvents = 0;
        lastWriteNanos = System.nanoTime();
        backlog.written();
    }

    /**
     * Stops the applier once it has applied what is queued (waiting at most {@link #BACKLOG_WAIT}), then closes the
     * log and checkpoint; what is left unapplied is replayed at the next open.
     */
    @Override
    public void close() {
        synchronized (storing) {
            try {
                backlog.close();
                applier.join(BACKLOG_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    log.close();
                } finally {
                    synchronized (checkpointing) {
                        checkpoint.close();
                    }
                }
            }
        }
    }

    /**
     * The batches logged but not applied yet, between the request threads (add, wait for room) and the applier thread
     * (take, applied, failed).
     */
    private static final class Backlog {
        private final int maxEvents;
        private final Duration maxWait;
        private final ArrayDeque<Logged> queued = new ArrayDeque<>();
        private long events;
        private int inFlight;
        /** The sink holds applied rounds in memory, not flushed yet; {@link #awaitEmpty} then asks for a write. */
        private boolean unwritten;
        private boolean writeWanted;
        private boolean closed;
        private RuntimeException failure;

        Backlog(int maxEvents, Duration maxWait) {
            this.maxEvents = maxEvents;
            this.maxWait = maxWait;
        }

        synchronized void add(Logged logged) {
            queued.add(logged);
            events += logged.rows().size();
            notifyAll();
        }

        /**
         * Everything queued, once there is something; empty when closed and drained, when {@code writeBy}
         * ({@link System#nanoTime()}) has passed, or when a write is wanted.
         */
        synchronized List<Logged> take(long writeBy) {
            long left;
            while (queued.isEmpty() && !closed && !writeWanted && (left = writeBy - System.nanoTime()) > 0) {
                waitQuietly(writeBy == Long.MAX_VALUE ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            List<Logged> round = new ArrayList<>(queued);
            queued.clear();
            inFlight = round.size();
            return round;
        }

        /** The round is applied; {@code unwritten} when the sink holds it (or earlier rounds) in memory. */
        synchronized void applied(List<Logged> round, boolean unwritten) {
            round.forEach(logged -> events -= logged.rows().size());
            inFlight = 0;
            this.unwritten = unwritten;
            writeWanted &= unwritten;
            failure = null;
            notifyAll();
        }

        synchronized boolean writeWanted() {
            return writeWanted;
        }

        /** Everything applied is durable (flushed and checkpointed). */
        synchronized void written() {
            unwritten = false;
            writeWanted = false;
            failure = null;
            notifyAll();
        }

        /** A flush failed: remembers why (for the back-pressure error) and waits before the retry. */
        synchronized void writeFailed(RuntimeException e) {
            failure = e;
            notifyAll();
            if (!closed) {
                waitQuietly(RETRY_MILLIS);
            }
        }

        synchronized boolean isClosed() {
            return closed;
        }

        /** Puts a failed round back in front; true when the applier should retry (after a pause), false to stop. */
        synchronized boolean failed(List<Logged> round, RuntimeException e) {
            for (int i = round.size() - 1; i >= 0; i--) {
                queued.addFirst(round.get(i));
            }
            inFlight = 0;
            failure = e;
            notifyAll();
            if (closed) {
                return false;
            }
            waitQuietly(RETRY_MILLIS);
            return !closed;
        }

        synchronized void awaitRoom() {
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (events >= maxEvents) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IngestBacklogException(events + " accepted events are waiting to be applied to the"
                            + " online store" + (failure == null ? "" : ", which fails: " + failure.getMessage())
                            + "; nothing of this batch was stored, retry later");
                }
                waitQuietly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }

        synchronized boolean awaitEmpty(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!queued.isEmpty() || inFlight > 0 || unwritten) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (unwritten) {
                    writeWanted = true;
                    notifyAll();
                }
                waitQuietly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return true;
        }

        /** Waits until {@code nanoTime} (new batches do not end the wait; closing does). */
        synchronized void pauseUntil(long nanoTime) {
            long left;
            while (!closed && (left = nanoTime - System.nanoTime()) > 0) {
                waitQuietly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        private void waitQuietly(long millis) {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the event applier", e);
            }
        }
    }
}
