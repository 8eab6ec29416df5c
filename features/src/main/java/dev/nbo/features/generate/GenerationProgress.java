package dev.nbo.features.generate;

import dev.nbo.features.spark.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of a generation run, refreshed every two seconds from the counters the chunk threads update:
 * customers done of the total, percent, events written, elapsed time and an estimate of the time left. On a terminal
 * the line is rewritten in place; elsewhere (a log) each refresh is a new line.
 */
final class GenerationProgress implements AutoCloseable {
    private static final long REFRESH_MILLIS = 2000;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final AtomicLong customers = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final ScheduledExecutorService timer;
    private boolean lineOpen;

    GenerationProgress(PrintStream out, long total) {
        this.out = out;
        this.total = total;
        this.terminal = System.console() != null && out == System.out;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "generate-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::print, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    void customerDone(long newEvents) {
        customers.incrementAndGet();
        events.addAndGet(newEvents);
    }

    private synchronized void print() {
        long done = customers.get();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String eta = done == 0 ? "?" : Progress.format(Duration.ofMillis(
                Math.round(seconds * (total - done) / done * 1000)));
        String line = String.format("  %,d / %,d customers (%.1f%%), %,d events, %s elapsed, ETA %s", done, total,
                100.0 * done / total, events.get(), Progress.format(Duration.ofMillis(Math.round(seconds * 1000))),
                eta);
        if (terminal) {
            out.print("\r" + line + "   ");
            lineOpen = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Stops refreshing and ends an in-place line. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
    }
}
