package dev.nbo.training.segment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one segment looks like.
 *
 * <p>The centroid is the mean of the members' raw values, not the k-means centroid de-standardised: both agree except
 * where values are missing, and there the k-means centroid counts an imputed mean while this one averages only the
 * values customers really have, which is what a marketer means by "a typical member spends...". A feature no member
 * has is {@code NaN}, as is every feature of an empty segment.
 *
 * @param id       the segment id, 0-based, as {@link SegmentModel#assign(double[])} returns it
 * @param name     a readable name, unique within the model
 * @param size     the number of customers assigned to it
 * @param share    {@code size} over all customers profiled, in [0, 1]
 * @param centroid feature name to the members' mean, in original units, in model feature order
 * @param distinct up to 3 features that set it apart, largest |z| first
 */
public record SegmentProfile(int id, String name, long size, double share, Map<String, Double> centroid,
        List<DistinctFeature> distinct) {
    public SegmentProfile {
        if (id < 0) {
            throw new IllegalArgumentException("segment id " + id + " is negative; ids start at 0");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("segment " + id + " needs a name");
        }
        if (size < 0 || !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("segment " + id + " has size " + size + " and share " + share
                    + "; the size must be >= 0 and the share in [0, 1]");
        }
        centroid = Collections.unmodifiableMap(new LinkedHashMap<>(centroid));
        distinct = List.copyOf(distinct);
    }
}
