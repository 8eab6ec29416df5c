package dev.nbo.serving.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Appends decisions to the {@link DecisionLog} from a background thread, many per fsync, so that a request never
 * waits for the disk. After the first decision of a batch arrives, the writer lingers ({@link #DEFAULT_LINGER} by
 * default) to gather the decisions that follow it into the same write and fsync: without it, a busy server forced the
 * log every few decisions, at about 70 us of CPU per request (docs/benchmarks.md). What a crash can lose is the
 * decisions still queued: the last linger's, more when the disk falls behind (at most the queue's 100,000). An offers
 * response is not a promise the way an accepted event is. A full queue (the disk far behind) makes requests wait
 * rather than drop decisions.
 */
public final class DecisionWriter implements Consumer<DecisionRecord>, AutoCloseable {
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 5_000;
    /**
     * About 50 fsyncs a second at most under steady traffic; a batch does not wait when 5,000 decisions are already
     * queued, or when a {@link #flush()} waits for it.
     */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(20);

    private final DecisionLog log;
    private final Duration linger;
    private final BlockingQueue<DecisionRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    /** Decisions accepted, and of those the ones written (or reported as failed): a flush waits for the gap. */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    /** The most decisions a waiting flush needs done: while ahead of {@link #done}, the writer does not linger. */
    private final AtomicLong flushUpTo = new AtomicLong();
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
        accepted.incrementAndGet();
        try {
            queue.put(decision);
        } catch (InterruptedException e) {
            done.incrementAndGet(); // never queued: no flush may wait for it
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
                linger();
                queue.drainTo(batch, BATCH - 1);
                log.appendAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.getLogger(DecisionWriter.class.getName()).log(System.Logger.Level.ERROR,
                        "cannot append " + batch.size() + " decisions to the decision log: " + e.getMessage(), e);
            } finally {
                done.addAndGet(batch.size());
                batch.clear();
            }
        }
    }

    /** Waits for more decisions to join the batch: up to the linger, unless closing, a full batch or a flush. */
    private void linger() {
        long deadline = System.nanoTime() + linger.toNanos();
        while (!closed && queue.size() < BATCH - 1 && flushUpTo.get() <= done.get()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    /**
     * Waits until every decision accepted before the call is in the log, cutting the writer's linger short (GDPR
     * erasure flushes first, so that no queued decision of the erased customer is written after the log was
     * rewritten; an experiment report, so that it counts every decision served before it). Decisions accepted
     * meanwhile are not waited for, so a flush ends under steady traffic.
     */
    public void flush() {
        long target = accepted.get();
        flushUpTo.accumulateAndGet(target, Math::max);
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the decision log is more than 30 s behind; check the disk");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Decisions accepted and not yet in the log (nor reported as failed): grows when the disk falls behind. */
    public long backlog() {
        long finished = done.get(); // read first: done never passes accepted, so the difference is never negative
        return accepted.get() - finished;
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
