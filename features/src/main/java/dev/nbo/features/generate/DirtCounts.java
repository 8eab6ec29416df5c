package dev.nbo.features.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many rows of each kind of dirt a run (or a chunk of it) injected. Not thread-safe: one per chunk. */
public final class DirtCounts {
    private final long[] counts = new long[DirtKind.values().length];

    void add(DirtKind kind) {
        counts[kind.ordinal()]++;
    }

    void addAll(DirtCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long count(DirtKind kind) {
        return counts[kind.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Counts by wire name, in declaration order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (DirtKind kind : DirtKind.values()) {
            map.put(kind.wireName(), counts[kind.ordinal()]);
        }
        return map;
    }
}
