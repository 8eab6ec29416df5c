package dev.nbo.models.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads an online snapshot folder written by the feature pipeline ({@code <out>/online/}): {@code manifest.json},
 * and gzipped JSON lines in {@code customers/}, {@code offers/} and {@code products/}. JSON lines keep serving free
 * of Spark and Hadoop, and one line per customer maps straight onto a key-value store. The format is documented in
 * {@code features/README.md}.
 */
public final class OnlineSnapshot {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final FeatureSpec spec;
    private final OnlineSnapshotManifest manifest;

    private OnlineSnapshot(Path dir, FeatureSpec spec, OnlineSnapshotManifest manifest) {
        this.dir = dir;
        this.spec = spec;
        this.manifest = manifest;
    }

    /**
     * Opens a snapshot computed with {@code spec}; refuses one whose definitions differ, since its state would not
     * mean what the spec says.
     */
    public static OnlineSnapshot open(Path dir, FeatureSpec spec) {
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(dir + " is not an online snapshot (no manifest.json); run ./nbo features"
                    + " and point at its online/ folder");
        }
        OnlineSnapshotManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), OnlineSnapshotManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        if (manifest.format() != OnlineSnapshotManifest.FORMAT) {
            throw new IllegalArgumentException(manifestFile + ": format " + manifest.format() + " is not supported;"
                    + " this release reads format " + OnlineSnapshotManifest.FORMAT);
        }
        if (!manifest.specHash().equals(spec.hash())) {
            throw new IllegalArgumentException(dir + " was computed with other feature definitions (spec hash "
                    + manifest.specHash() + ") than " + spec.origin() + " (" + spec.hash() + "); rebuild the features"
                    + " with this spec");
        }
        return new OnlineSnapshot(dir, spec, manifest);
    }

    public OnlineSnapshotManifest manifest() {
        return manifest;
    }

    public void forEachCustomer(Consumer<CustomerRecord> consumer) {
        lines("customers", node -> consumer.accept(new CustomerRecord(profile(node), state(node, node.get("customer_id").asText(), null))));
    }

    public void forEachOffer(Consumer<OfferRecord> consumer) {
        lines("offers", node -> {
            String offerId = node.get("offer_id").asText();
            consumer.accept(new OfferRecord(offerId, state(node, null, offerId)));
        });
    }

    /** Product id to category, for enriching incoming events. */
    public Map<String, String> productCategories() {
        Map<String, String> categories = new HashMap<>();
        lines("products", node -> categories.put(node.get("product_id").asText(), text(node, "category")));
        return categories;
    }

    private static CustomerProfile profile(JsonNode node) {
        JsonNode p = node.path("profile");
        List<String> interests = new ArrayList<>();
        p.path("interests").forEach(i -> interests.add(i.asText()));
        return new CustomerProfile(node.get("customer_id").asText(),
                p.hasNonNull("signup_us") ? p.get("signup_us").asLong() : null,
                p.hasNonNull("birth_year") ? p.get("birth_year").asInt() : null,
                text(p, "city"), text(p, "region"), text(p, "country"), interests,
                p.hasNonNull("marketing_consent") ? p.get("marketing_consent").asBoolean() : null);
    }

    private List<StateRow> state(JsonNode node, String customerId, String offerId) {
        List<StateRow> rows = new ArrayList<>();
        for (JsonNode s : node.path("state")) {
            String featureName = s.get("feature").asText();
            FeatureDefinition feature = spec.require(featureName);
            Entity entity = feature.entity();
            EntityKey key = switch (entity) {
                case CUSTOMER -> EntityKey.customer(customerId);
                case CUSTOMER_CATEGORY -> EntityKey.customerCategory(customerId, s.get("category").asText());
                case OFFER -> EntityKey.offer(offerId);
                case CUSTOMER_OFFER -> EntityKey.customerOffer(customerId, s.get("offer_id").asText());
            };
            List<String> distinct = new ArrayList<>();
            s.path("distinct").forEach(d -> distinct.add(d.asText()));
            rows.add(new StateRow(key, featureName,
                    s.hasNonNull("day") ? s.get("day").asInt() : null,
                    s.path("rows").asLong(), s.path("values").asLong(), s.path("sum").asDouble(0.0),
                    s.hasNonNull("min") ? s.get("min").asDouble() : Double.POSITIVE_INFINITY,
                    s.hasNonNull("max") ? s.get("max").asDouble() : Double.NEGATIVE_INFINITY,
                    s.hasNonNull("max_time") ? s.get("max_time").asLong() : null,
                    s.hasNonNull("last_time") ? s.get("last_time").asLong() : null,
                    text(s, "last_key"), typed(text(s, "last_value"), feature.type()), distinct));
        }
        return rows;
    }

    private static Object typed(String value, ValueType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case LONG -> Long.parseLong(value);
            case DOUBLE -> Double.parseDouble(value);
            case BOOLEAN -> Boolean.parseBoolean(value);
            default -> value;
        };
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private void lines(String part, Consumer<JsonNode> consumer) {
        Path folder = dir.resolve(part);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("online snapshot " + dir + " has no " + part + "/ folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (InputStream raw = Files.newInputStream(file);
                 InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        consumer.accept(JSON.readTree(line));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
