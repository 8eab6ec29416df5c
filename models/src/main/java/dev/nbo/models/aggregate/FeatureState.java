package dev.nbo.models.aggregate;

import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.Window;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one behavioural feature of one entity key remembers: a {@link Partial} per UTC day inside the window, or a
 * single one for the whole history. Days that fall out of the window are dropped as newer ones arrive, so the state
 * of a windowed feature never holds more than {@code window} days.
 */
final class FeatureState {
    private final FeatureDefinition feature;
    private final TreeMap<Integer, Partial> days;
    private Partial lifetime;

    FeatureState(FeatureDefinition feature) {
        this.feature = feature;
        this.days = feature.window().isLifetime() ? null : new TreeMap<>();
    }

    void add(SourceRow row) {
        bucket(Window.dayOf(row.timeMicros())).add(feature, row);
    }

    Partial bucket(int day) {
        if (days == null) {
            if (lifetime == null) {
                lifetime = new Partial();
            }
            return lifetime;
        }
        Partial partial = days.computeIfAbsent(day, d -> new Partial());
        // drop the days before the window (of the latest day); polled one by one, as there are rarely any
        int firstKept = days.lastKey() - feature.window().days() + 1;
        while (days.firstKey() < firstKept) {
            days.pollFirstEntry();
        }
        return partial;
    }

    /** The merged summary of the days the window covers at {@code asOfMicros}. */
    Partial summarize(long asOfMicros) {
        Partial merged = new Partial();
        if (days == null) {
            if (lifetime != null) {
                merged.merge(lifetime);
            }
            return merged;
        }
        int first = feature.window().firstDay(asOfMicros);
        int last = Window.lastDay(asOfMicros);
        if (first <= last) {
            for (Partial partial : days.subMap(first, true, last, true).values()) {
                merged.merge(partial);
            }
        }
        return merged;
    }

    /** The buckets, by day; the whole-history bucket is keyed by null. */
    Map<Integer, Partial> buckets() {
        if (days != null) {
            return days;
        }
        // a map per call (every export of every lifetime feature): the immutable singleton allocates least
        return lifetime == null ? Map.of() : java.util.Collections.singletonMap(null, lifetime);
    }
}
