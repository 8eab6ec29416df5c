package dev.nbo.models.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a feature counts: for each listed column, the row's value must be one of the listed values (a row whose
 * value is null never matches). No columns means every row.
 *
 * <p>A value class with the equality, hash and text of the record it was: it keeps its conditions as arrays too,
 * because {@link #matches} runs for every feature of a source on every row aggregated (online, every event), and
 * iterating an unmodifiable map there cost more than the aggregation itself.
 */
public final class RowFilter {
    public static final RowFilter ALL = new RowFilter(Map.of());

    private final Map<String, Set<String>> allowed;
    private final String[] columns;
    private final List<Set<String>> values;

    public RowFilter(Map<String, Set<String>> allowed) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        allowed.forEach((column, values) -> copy.put(column, Collections.unmodifiableSet(new LinkedHashSet<>(values))));
        this.allowed = Collections.unmodifiableMap(copy);
        this.columns = copy.keySet().toArray(new String[0]);
        this.values = List.copyOf(copy.values());
    }

    /** The allowed values by column, in the order they were given. */
    public Map<String, Set<String>> allowed() {
        return allowed;
    }

    public boolean matches(Map<String, ?> row) {
        for (int i = 0; i < columns.length; i++) {
            Object value = row.get(columns[i]);
            if (value == null || !values.get(i).contains(value.toString())) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowFilter filter && allowed.equals(filter.allowed);
    }

    @Override
    public int hashCode() {
        return allowed.hashCode();
    }

    @Override
    public String toString() {
        return "RowFilter[allowed=" + allowed + "]";
    }
}
