package dev.nbo.models.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows a feature counts: for each listed column, the row's value must be one of the listed values (a row whose
 * value is null never matches). No columns means every row.
 */
public record RowFilter(Map<String, Set<String>> allowed) {
    public static final RowFilter ALL = new RowFilter(Map.of());

    public RowFilter {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        allowed.forEach((column, values) -> copy.put(column, Collections.unmodifiableSet(new LinkedHashSet<>(values))));
        allowed = Collections.unmodifiableMap(copy);
    }

    public boolean matches(Map<String, ?> row) {
        if (allowed.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Set<String>> condition : allowed.entrySet()) {
            Object value = row.get(condition.getKey());
            if (value == null || !condition.getValue().contains(value.toString())) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }
}
