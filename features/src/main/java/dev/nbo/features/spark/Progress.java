package dev.nbo.features.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Progress of a long job on one line per step, for people watching a terminal: each step is announced with its
 * number, and while Spark works a line shows finished tasks every few seconds. Spark's own console bar is off
 * (it floods logs that are not terminals).
 */
public final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final int steps;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger step = new AtomicInteger();
    private final AtomicLong tasksDone = new AtomicLong();
    private final AtomicLong tasksSubmitted = new AtomicLong();
    private volatile long lastReportNanos = System.nanoTime();
    private volatile String current = "";
    private SparkSession watched;
    private SparkListener listener;

    public Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** Reports Spark task progress of {@code spark} on this object's line. */
    public Progress watch(SparkSession spark) {
        watched = spark;
        listener = new SparkListener() {
            @Override
            public void onStageSubmitted(SparkListenerStageSubmitted stage) {
                tasksSubmitted.addAndGet(stage.stageInfo().numTasks());
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd task) {
                tasksDone.incrementAndGet();
                long now = System.nanoTime();
                if (now - lastReportNanos > 5_000_000_000L) {
                    lastReportNanos = now;
                    out.printf("      ... %s: %,d of %,d tasks done, %s elapsed%n", current, tasksDone.get(),
                            tasksSubmitted.get(), elapsed());
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        return this;
    }

    /** Stops reporting Spark progress. */
    @Override
    public void close() {
        if (watched != null) {
            watched.sparkContext().removeSparkListener(listener);
            watched = null;
        }
    }

    /** Announces the next step. */
    public void step(String description) {
        current = description;
        lastReportNanos = System.nanoTime();
        out.printf("[%d/%d] %s (%s)%n", step.incrementAndGet(), steps, description, elapsed());
    }

    /** A detail line under the current step. */
    public void detail(String format, Object... args) {
        out.printf("      " + format + "%n", args);
    }

    public String elapsed() {
        return format(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? String.format("%.1fs", duration.toMillis() / 1000.0)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
