package dev.nbo.training.job;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Numbered progress lines ("[3/8] evaluating …") and the seconds each step took, for metrics.json. */
final class StepTimer {
    private final PrintStream out;
    private final int steps;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private int current;
    private String name;
    private long stepStarted;

    StepTimer(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    void step(String key, String description) {
        finish();
        current++;
        name = key;
        stepStarted = System.nanoTime();
        out.printf("[%d/%d] %s%n", current, steps, description);
        out.flush();
    }

    void detail(String format, Object... args) {
        out.printf("      " + format + "%n", args);
        out.flush();
    }

    void finish() {
        if (name != null) {
            seconds.put(name + "_seconds", Math.round((System.nanoTime() - stepStarted) / 1e8) / 10.0);
            name = null;
        }
    }

    Map<String, Double> seconds() {
        finish();
        Map<String, Double> all = new LinkedHashMap<>(seconds);
        all.put("total_seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        return all;
    }
}
