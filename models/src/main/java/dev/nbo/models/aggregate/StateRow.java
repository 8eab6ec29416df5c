package dev.nbo.models.aggregate;

import java.util.List;

/**
 * One bucket of aggregation state, as the online snapshot stores it: the Spark pipeline writes these for the days
 * inside every window, and serving loads them to continue each feature from new events without replaying history.
 *
 * @param day       UTC epoch day of the bucket, or null for a whole-history feature
 * @param rows      matching rows
 * @param values    matching rows whose value column was not null
 * @param maxTime   time of the latest matching row (epoch micros), or null when {@code rows} is 0
 * @param lastTime  time of the row that holds {@code lastValue}, or null
 * @param lastKey   row key of that row, or null
 * @param lastValue its value (String, Long or Double), or null
 * @param distinct  distinct values seen (as text), for count_distinct; otherwise empty
 */
public record StateRow(
        EntityKey key,
        String feature,
        Integer day,
        long rows,
        long values,
        double sum,
        double min,
        double max,
        Long maxTime,
        Long lastTime,
        String lastKey,
        Object lastValue,
        List<String> distinct) {

    public StateRow {
        distinct = distinct == null ? List.of() : List.copyOf(distinct);
    }

    static StateRow of(EntityKey key, String feature, Integer day, Partial p) {
        return new StateRow(key, feature, day, p.rows, p.values, p.sum, p.min, p.max,
                p.rows == 0 ? null : p.maxTime, p.lastKey == null ? null : p.lastTime, p.lastKey, p.lastValue,
                p.distinct == null ? List.of() : p.distinct.stream().sorted().toList());
    }

    Partial toPartial() {
        Partial p = new Partial();
        p.rows = rows;
        p.values = values;
        p.sum = sum;
        p.min = min;
        p.max = max;
        p.maxTime = maxTime == null ? Long.MIN_VALUE : maxTime;
        if (lastKey != null) {
            p.lastTime = lastTime;
            p.lastKey = lastKey;
            p.lastValue = lastValue;
        }
        if (!distinct.isEmpty()) {
            p.distinct().addAll(distinct);
        }
        return p;
    }
}
