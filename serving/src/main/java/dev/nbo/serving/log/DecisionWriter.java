package dev.nbo.serving.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Appends decisions to the {@link DecisionLog} from a background thread, many per fsync, so that a request never
 * waits for the disk. After the first decision of a batch arrives, the writer lingers ({@link #DEFAULT_LINGER} by
 * default) to gather the decisions that follow it into the same write and fsync: without it, a busy server forced the
 * log every few decisions, at about 70 us of CPU per request (docs/benchmarks.md). What a crash can lose is the decisions
 * of the last linger and write (those still queued): an offers response is not a promise the way an accepted event
 * is. A full queue (the disk far behind) makes requests wait rather than drop decisions.
 */
public final class DecisionWriter implements Consumer<DecisionRecord>, AutoCloseable {
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 5_000;
    /** At most 50 fsyncs a second, whatever the rate of decisions. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(20);

    private final DecisionLog log;
    private final Duration linger;
    private final BlockingQueue<DecisionRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    public DecisionWriter(DecisionLog log) {
        this(log, DEFAULT_LINGER);
    }

    /** @param linger how long a batch waits after its first decision for more; zero writes what is queued at once */
    public DecisionWriter(DecisionLog log, Duration linger) {
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative: " + linger);
        }
        this.log = log;
        this.linger = linger;
        this.writer = new Thread(this::drain, "nbo-decision-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(DecisionRecord decision) {
        if (closed) {
            throw new IllegalStateException("the decision writer is closed");
        }
        try {
            pending.incrementAndGet();
            queue.put(decision);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a decision", e);
        }
    }

    private void drain() {
        List<DecisionRecord> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                DecisionRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (!closed && !linger.isZero() && queue.size() < BATCH - 1) {
                    Thread.sleep(linger.toMillis(), linger.toNanosPart() % 1_000_000);
                }
                queue.drainTo(batch, BATCH - 1);
                log.appendAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.getLogger(DecisionWriter.class.getName()).log(System.Logger.Level.ERROR,
                        "cannot append " + batch.size() + " decisions to the decision log: " + e.getMessage(), e);
            } finally {
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /**
     * Waits until every decision queued so far is in the log (GDPR erasure flushes first, so that no queued decision of
     * the erased customer is written after the log was rewritten).
     */
    public void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the decision log is more than 30 s behind; check the disk");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
