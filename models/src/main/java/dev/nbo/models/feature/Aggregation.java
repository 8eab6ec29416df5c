package dev.nbo.models.feature;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a feature turns source rows into one value. Every kind is computed the same way by the Spark compiler and by
 * the incremental aggregator; the rules below are the contract both follow.
 */
public enum Aggregation {
    /** Number of matching rows; 0 when none. */
    COUNT,
    /** Sum of a numeric column over matching rows (nulls skipped); 0 when none. */
    SUM,
    /** Mean of a numeric column over matching rows with a value; the default when none. */
    AVG,
    MIN,
    MAX,
    /** Number of distinct non-null values of a column; 0 when none. */
    COUNT_DISTINCT,
    /** The non-null value of a column on the latest matching row (ties broken by the row key); default when none. */
    LAST,
    /** Fractional days from the latest matching row to the as-of time; default when none. */
    DAYS_SINCE,
    /** numerator / denominator, two other features of the same entity; default when either is missing or the
     *  denominator is 0. */
    RATIO,
    /** A profile column of the customer or the offer, as known at the as-of time. */
    ATTRIBUTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }

    /** Whether an empty set of rows has a natural value (0) rather than a default or a missing value. */
    public boolean isZeroWhenEmpty() {
        return this == COUNT || this == SUM || this == COUNT_DISTINCT;
    }

    /** Whether this kind reads a value column. */
    public boolean needsColumn() {
        return switch (this) {
            case SUM, AVG, MIN, MAX, COUNT_DISTINCT, LAST, ATTRIBUTE -> true;
            case COUNT, DAYS_SINCE, RATIO -> false;
        };
    }
}
