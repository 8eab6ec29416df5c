package dev.nbo.features.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts by the constants of an enum, in declaration order. Not thread-safe: one per chunk, added up at the end. */
abstract class EnumCounts<E extends Enum<E>> {
    private final E[] keys;
    private final long[] counts;

    EnumCounts(Class<E> type) {
        this.keys = type.getEnumConstants();
        this.counts = new long[keys.length];
    }

    /** The name a key has in reports. */
    abstract String name(E key);

    final void add(E key, long count) {
        counts[key.ordinal()] += count;
    }

    final void addAll(EnumCounts<E> other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    final long get(E key) {
        return counts[key.ordinal()];
    }

    public final long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Counts by report name, in declaration order. */
    public final Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (E key : keys) {
            map.put(name(key), counts[key.ordinal()]);
        }
        return map;
    }
}
