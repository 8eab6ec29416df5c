package dev.nbo.training.segment;

import java.util.Locale;

/**
 * A feature that sets a segment apart: its centroid sits {@code z} standard deviations from the mean of all
 * customers.
 *
 * @param feature   the feature name
 * @param z         the centroid's z-score for this feature (not 0)
 * @param direction {@link Direction#HIGH} when {@code z > 0}
 */
public record DistinctFeature(String feature, double z, Direction direction) {
    /** Whether the segment sits above or below the average customer. */
    public enum Direction {
        HIGH, LOW;

        /** "high" or "low", as written in profiles. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DistinctFeature {
        if (feature == null || feature.isBlank()) {
            throw new IllegalArgumentException("a distinct feature needs a feature name");
        }
        if (!Double.isFinite(z) || z == 0.0) {
            throw new IllegalArgumentException("feature " + feature + " has z = " + z
                    + "; a distinct feature is a finite, non-zero distance from the mean");
        }
        if (direction != (z > 0 ? Direction.HIGH : Direction.LOW)) {
            throw new IllegalArgumentException("feature " + feature + " has z = " + z + " but direction "
                    + direction + "; z > 0 is HIGH, z < 0 is LOW");
        }
    }

    public static DistinctFeature of(String feature, double z) {
        return new DistinctFeature(feature, z, z > 0 ? Direction.HIGH : Direction.LOW);
    }

    /** E.g. {@code high spend_365d}. */
    public String describe() {
        return direction.word() + " " + feature;
    }
}
