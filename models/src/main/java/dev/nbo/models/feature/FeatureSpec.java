package dev.nbo.models.feature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validated set of feature definitions, in file order. Its {@link #hash()} identifies the definitions (not the
 * file's formatting or descriptions): a model records it, and serving refuses a model whose hash differs.
 */
public final class FeatureSpec {
    private final String origin;
    private final List<FeatureDefinition> features;
    private final Map<String, FeatureDefinition> byName;
    /** Each entity's features, built once: the online aggregator asks for them per key on the serving path. */
    private final Map<Entity, List<FeatureDefinition>> byEntity = new EnumMap<>(Entity.class);
    private final Set<Entity> entitiesWithAttributes = EnumSet.noneOf(Entity.class);
    private final String hash;

    FeatureSpec(String origin, List<FeatureDefinition> features) {
        this.origin = origin;
        this.features = List.copyOf(features);
        Map<String, FeatureDefinition> index = new LinkedHashMap<>();
        for (FeatureDefinition feature : features) {
            index.put(feature.name(), feature);
        }
        this.byName = Collections.unmodifiableMap(index);
        for (Entity entity : Entity.values()) {
            byEntity.put(entity, this.features.stream().filter(f -> f.entity() == entity).toList());
        }
        this.features.stream().filter(f -> f.aggregation() == Aggregation.ATTRIBUTE)
                .forEach(f -> entitiesWithAttributes.add(f.entity()));
        this.hash = computeHash(this.features);
    }

    /** Loads and validates a {@code features.yaml} file. */
    public static FeatureSpec load(Path file) {
        return FeatureSpecLoader.load(file);
    }

    /** Parses YAML text; {@code origin} names it in error messages. */
    public static FeatureSpec parse(String origin, String yaml) {
        return FeatureSpecLoader.parse(origin, yaml);
    }

    /** Where the spec was read from, for messages and manifests. */
    public String origin() {
        return origin;
    }

    public List<FeatureDefinition> features() {
        return features;
    }

    public Optional<FeatureDefinition> feature(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public FeatureDefinition require(String name) {
        FeatureDefinition feature = byName.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("feature '" + name + "' is not defined in " + origin);
        }
        return feature;
    }

    /** The features of one entity, in file order. */
    public List<FeatureDefinition> features(Entity entity) {
        return byEntity.get(entity);
    }

    /**
     * The entities with at least one attribute feature (read from the customer's profile or the offer): without
     * them, a key that no row has reached has its entity's default values.
     */
    public Set<Entity> entitiesWithAttributes() {
        return Collections.unmodifiableSet(entitiesWithAttributes);
    }

    /** The features of one entity computed from one source, in file order. */
    public List<FeatureDefinition> features(Entity entity, Source source) {
        return features.stream().filter(f -> f.entity() == entity && f.source() == source).toList();
    }

    /** The longest window among the given features, or {@link Window#LIFETIME} if any of them has no bound. */
    public static Window longestWindow(List<FeatureDefinition> features) {
        int longest = 1;
        for (FeatureDefinition feature : features) {
            if (feature.window().isLifetime()) {
                return Window.LIFETIME;
            }
            longest = Math.max(longest, feature.window().days());
        }
        return new Window(longest);
    }

    /**
     * The value a feature takes for a key with no data at all: {@link FeatureDefinition#emptyValue()}, and for a
     * ratio what the ratio rule gives on its parts' empty values (usually its default). Both implementations use it
     * for keys a sparse entity (customer x offer, customer x category) has no row for.
     */
    public Object emptyValueOf(FeatureDefinition feature) {
        if (feature.aggregation() != Aggregation.RATIO) {
            return feature.emptyValue();
        }
        Object numerator = emptyValueOf(require(feature.numerator()));
        Object denominator = emptyValueOf(require(feature.denominator()));
        if (numerator instanceof Number n && denominator instanceof Number d && d.doubleValue() != 0.0) {
            return n.doubleValue() / d.doubleValue();
        }
        return feature.defaultValue();
    }

    /** SHA-256 (hex) of the canonical form of every definition, in order. */
    public String hash() {
        return hash;
    }

    private static String computeHash(List<FeatureDefinition> features) {
        StringBuilder canonical = new StringBuilder("nbo-features/1\n");
        for (FeatureDefinition f : features) {
            Map<String, Object> filter = new TreeMap<>();
            f.filter().allowed().forEach((column, values) -> filter.put(column, new java.util.TreeSet<>(values)));
            canonical.append(String.join("|", f.name(), f.entity().wireName(),
                    f.source() == null ? "" : f.source().wireName(), f.aggregation().wireName(),
                    String.valueOf(f.column()), f.window().toString(), filter.toString(), f.type().wireName(),
                    String.valueOf(f.defaultValue()), String.valueOf(f.numerator()),
                    String.valueOf(f.denominator())))
                    .append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "FeatureSpec[" + origin + ", " + features.size() + " features, hash " + hash.substring(0, 12) + "]";
    }
}
