package dev.nbo.training.propensity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Prints "still training (N s)" every few seconds while a call that reports no progress of its own runs (XGBoost
 * trains every round inside one native call), so that a long job never looks hung.
 */
public final class Heartbeat implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "nbo-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final long started = System.nanoTime();

    public Heartbeat(Consumer<String> progress, String what) {
        timer.scheduleAtFixedRate(() -> progress.accept(String.format("  still %s (%d s)", what,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))), 10, 10, TimeUnit.SECONDS);
    }

    public double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
