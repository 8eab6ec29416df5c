package dev.nbo.models.aggregate;

/** A feature value and how it was obtained. {@code value} is a Long, Double, String, Boolean, List or null. */
public record FeatureValue(Object value, FeatureStatus status) {
    static FeatureValue present(Object value) {
        return new FeatureValue(value, FeatureStatus.PRESENT);
    }

    static FeatureValue empty(Object fallback) {
        return new FeatureValue(fallback, fallback == null ? FeatureStatus.MISSING : FeatureStatus.DEFAULT);
    }

    /** The value as a double, or NaN when missing or not numeric. */
    public double asDouble() {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
