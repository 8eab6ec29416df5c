package dev.nbo.serving.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.feature.FeatureSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an online snapshot folder in the feature pipeline's format (see {@code features/README.md}) from an
 * aggregator's state, so that store tests load real snapshot files without running Spark.
 */
public final class SnapshotWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotWriter() {
    }

    public static Path write(Path dir, FeatureSpec spec, IncrementalAggregator aggregator, Collection<CustomerProfile> profiles,
                      Map<String, String> productCategories, long asOfMicros) {
        Map<String, CustomerProfile> profileById = new TreeMap<>();
        profiles.forEach(p -> profileById.put(p.customerId(), p));
        Map<String, ArrayNode> customerState = new TreeMap<>();
        Map<String, ArrayNode> offerState = new TreeMap<>();
        aggregator.exportState().forEach(row -> {
            if (row.key().customerId() != null) {
                customerState.computeIfAbsent(row.key().customerId(), c -> JSON.createArrayNode()).add(state(row));
            } else {
                offerState.computeIfAbsent(row.key().offerId(), o -> JSON.createArrayNode()).add(state(row));
            }
        });
        TreeSet<String> customers = new TreeSet<>(profileById.keySet());
        customers.addAll(customerState.keySet());
        try {
            Files.createDirectories(dir);
            writeLines(dir.resolve("customers"), customers.stream().map(id -> {
                ObjectNode line = JSON.createObjectNode().put("customer_id", id);
                line.set("profile", profile(profileById.get(id)));
                line.set("state", customerState.getOrDefault(id, JSON.createArrayNode()));
                return line;
            }).toList());
            writeLines(dir.resolve("offers"), offerState.entrySet().stream().map(e -> {
                ObjectNode line = JSON.createObjectNode().put("offer_id", e.getKey());
                line.set("state", e.getValue());
                return line;
            }).toList());
            writeLines(dir.resolve("products"), productCategories.entrySet().stream().map(e -> (ObjectNode)
                    JSON.createObjectNode().put("product_id", e.getKey()).put("category", e.getValue())).toList());
            ObjectNode manifest = JSON.createObjectNode()
                    .put("format", 1)
                    .put("as_of", Instant.ofEpochSecond(asOfMicros / 1_000_000).atZone(ZoneOffset.UTC).toLocalDate()
                            .toString())
                    .put("as_of_us", asOfMicros)
                    .put("spec_hash", spec.hash())
                    .put("snapshot_id", "test-" + asOfMicros)
                    .put("customers", customers.size())
                    .put("offers", offerState.size())
                    .put("products", productCategories.size());
            JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static ObjectNode profile(CustomerProfile p) {
        ObjectNode node = JSON.createObjectNode();
        if (p == null) {
            return node;
        }
        if (p.signupMicros() != null) {
            node.put("signup_us", p.signupMicros());
        }
        if (p.birthYear() != null) {
            node.put("birth_year", p.birthYear());
        }
        node.put("city", p.city()).put("region", p.region()).put("country", p.country());
        ArrayNode interests = node.putArray("interests");
        p.interests().forEach(interests::add);
        if (p.marketingConsent() != null) {
            node.put("marketing_consent", p.marketingConsent());
        }
        return node;
    }

    private static ObjectNode state(StateRow row) {
        ObjectNode node = JSON.createObjectNode()
                .put("entity", row.key().entity().wireName())
                .put("feature", row.feature());
        if (row.key().category() != null) {
            node.put("category", row.key().category());
        }
        if (row.key().offerId() != null && row.key().customerId() != null) {
            node.put("offer_id", row.key().offerId());
        }
        if (row.day() != null) {
            node.put("day", row.day());
        }
        node.put("rows", row.rows()).put("values", row.values()).put("sum", row.sum());
        if (!Double.isInfinite(row.min())) {
            node.put("min", row.min());
        }
        if (!Double.isInfinite(row.max())) {
            node.put("max", row.max());
        }
        if (row.maxTime() != null) {
            node.put("max_time", row.maxTime());
        }
        if (row.lastKey() != null) {
            node.put("last_time", row.lastTime()).put("last_key", row.lastKey())
                    .put("last_value", String.valueOf(row.lastValue()));
        }
        ArrayNode distinct = node.putArray("distinct");
        row.distinct().forEach(distinct::add);
        return node;
    }

    private static void writeLines(Path folder, List<ObjectNode> lines) throws IOException {
        Files.createDirectories(folder);
        try (Writer out = Files.newBufferedWriter(folder.resolve("part-00000.json"), StandardCharsets.UTF_8)) {
            for (ObjectNode line : lines) {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
    }
}
