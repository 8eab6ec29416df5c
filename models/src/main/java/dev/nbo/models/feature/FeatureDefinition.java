package dev.nbo.models.feature;

import java.util.Objects;

/**
 * One feature, declared once in {@code features.yaml} and computed identically by the Spark pipeline and by the
 * incremental aggregator used online. Instances are validated by {@link FeatureSpecLoader}.
 *
 * @param source      the table rows come from; null for {@link Aggregation#RATIO}
 * @param column      the value column, for aggregations that read one; otherwise null
 * @param window      the look-back window ({@link Window#LIFETIME} for profile attributes and ratios)
 * @param type        the value type
 * @param defaultValue the value when there is no data, or null to leave it missing
 * @param numerator   for ratios, the name of the numerator feature; otherwise null
 * @param denominator for ratios, the name of the denominator feature; otherwise null
 */
public record FeatureDefinition(
        String name,
        String description,
        Entity entity,
        Source source,
        Aggregation aggregation,
        String column,
        Window window,
        RowFilter filter,
        ValueType type,
        Object defaultValue,
        String numerator,
        String denominator) {

    public FeatureDefinition {
        // interned: serving looks feature values up by name per candidate, with names read from other files
        // (encoder.json, the segment model's metadata); equal names that are one object compare by reference
        name = Objects.requireNonNull(name, "name").intern();
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    /**
     * The value when no row matches: 0 for counts, sums and distinct counts (a true zero, not a guess), otherwise
     * the declared default, which may be null (missing).
     */
    public Object emptyValue() {
        return switch (aggregation) {
            case COUNT, COUNT_DISTINCT -> 0L;
            case SUM -> 0.0;
            default -> defaultValue;
        };
    }

    /** Whether this feature is computed from timed rows (events or order items). */
    public boolean isBehavioural() {
        return source != null && source.isBehavioural();
    }
}
