package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rows written per table. Not thread-safe: one per chunk, added up at the end. */
public final class RowCounts {
    private final long[] counts = new long[WarehouseTable.values().length];

    void add(WarehouseTable table, long rows) {
        counts[table.ordinal()] += rows;
    }

    void addAll(RowCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long rows(WarehouseTable table) {
        return counts[table.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Rows by table name, in contract order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (WarehouseTable table : WarehouseTable.values()) {
            map.put(table.tableName(), counts[table.ordinal()]);
        }
        return map;
    }
}
