package dev.nbo.models.rules;

import java.util.concurrent.atomic.LongAdder;

/** Per-entry counts, updated from many threads at once (serving requests, training workers). */
final class RuleCounters {
    private final LongAdder matched = new LongAdder();
    private final LongAdder undecided = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile String lastError = "";

    void record(Condition.Verdict verdict) {
        switch (verdict) {
            case MATCH -> matched.increment();
            case UNDECIDED -> undecided.increment();
            case NO_MATCH -> {
            }
        }
    }

    void recordError(Exception error) {
        errors.increment();
        lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    RuleStats snapshot(String path, String name) {
        return new RuleStats(path, name, matched.sum(), undecided.sum(), errors.sum(), lastError);
    }
}
