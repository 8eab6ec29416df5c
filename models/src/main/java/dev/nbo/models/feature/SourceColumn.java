package dev.nbo.models.feature;

/**
 * A column of a {@link Source} that features may read.
 *
 * @param filterable whether a feature's {@code filter} may test it (scalar text columns only)
 */
public record SourceColumn(String name, ValueType type, boolean filterable) {
}
