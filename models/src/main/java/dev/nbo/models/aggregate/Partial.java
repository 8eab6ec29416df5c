package dev.nbo.models.aggregate;

import dev.nbo.models.feature.FeatureDefinition;
import java.util.HashSet;
import java.util.Set;

/**
 * The running summary of the rows one feature matched in one day (or in the whole history): enough to finish any
 * aggregation kind after merging the days of a window. Only the fields the feature's aggregation needs are read.
 */
final class Partial {
    long rows;
    long values;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long maxTime = Long.MIN_VALUE;
    long lastTime = Long.MIN_VALUE;
    String lastKey;
    Object lastValue;
    Set<String> distinct;

    void add(FeatureDefinition feature, SourceRow row) {
        rows++;
        maxTime = Math.max(maxTime, row.timeMicros());
        if (feature.column() == null) {
            return;
        }
        Object value = row.get(feature.column());
        if (value == null) {
            return;
        }
        switch (feature.aggregation()) {
            case SUM, AVG, MIN, MAX -> {
                double number = ((Number) value).doubleValue();
                values++;
                sum += number;
                min = Math.min(min, number);
                max = Math.max(max, number);
            }
            case COUNT_DISTINCT -> distinct().add(value.toString());
            case LAST -> offerLast(row.timeMicros(), row.rowKey(), value);
            default -> {
            }
        }
    }

    void merge(Partial other) {
        rows += other.rows;
        values += other.values;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        maxTime = Math.max(maxTime, other.maxTime);
        if (other.lastKey != null) {
            offerLast(other.lastTime, other.lastKey, other.lastValue);
        }
        if (other.distinct != null) {
            distinct().addAll(other.distinct);
        }
    }

    /** Keeps the value of the latest row; ties on time go to the greater row key, as in the Spark compiler. */
    private void offerLast(long time, String key, Object value) {
        if (lastKey == null || time > lastTime || (time == lastTime && key.compareTo(lastKey) > 0)) {
            lastTime = time;
            lastKey = key;
            lastValue = value;
        }
    }

    Set<String> distinct() {
        if (distinct == null) {
            distinct = new HashSet<>();
        }
        return distinct;
    }
}
