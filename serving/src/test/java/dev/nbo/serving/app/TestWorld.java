package dev.nbo.serving.app;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.serving.store.SnapshotWriter;
import dev.nbo.serving.model.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small served world for the server tests: the shipped spec, offers and blocks, the registered test model, and an
 * online snapshot of three customers written in the pipeline's format.
 */
final class TestWorld {
    static final String KEY = "test-key-all-scopes";
    static final String READER_KEY = "test-key-read-only";
    static final long AS_OF = Instant.parse("2025-06-15T00:00:00Z").toEpochMilli() * 1000;
    private static final long DAY = 86_400_000_000L;

    private TestWorld() {
    }

    static Path create(Path dir) throws IOException {
        FeatureSpec spec = FeatureSpec.load(ProjectFiles.config("features.yaml"));
        OfferCatalog offers = OfferCatalog.load(ProjectFiles.config("offers.yaml"));
        IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
        List<CustomerProfile> profiles = List.of(
                new CustomerProfile("C-RUNNER", AS_OF - 900 * DAY, 1990, "New York", "Northeast", "US",
                        List.of("running"), true),
                new CustomerProfile("C-GOLFER", AS_OF - 400 * DAY, 1960, "Miami", "South", "US", List.of("golf"),
                        true),
                new CustomerProfile("C-OPTOUT", AS_OF - 400 * DAY, 1980, "Austin", "South", "US", List.of(),
                        false),
                // the load of the champion-swap test: frequency caps use up its offers, not the other tests'
                new CustomerProfile("C-LOAD", AS_OF - 400 * DAY, 1985, "Denver", "West", "US", List.of("yoga"),
                        true));
        profiles.forEach(aggregator::upsertProfile);
        for (int day = 1; day <= 20; day++) {
            long t = AS_OF - day * DAY;
            aggregator.accept(SourceRow.event("r" + day, "C-RUNNER", t, "page_view", "RUN-0001", "running", "s" + day,
                    null));
            aggregator.accept(SourceRow.event("g" + day, "C-GOLFER", t, "page_view", "GLF-0001", "golf", "g" + day,
                    null));
        }
        aggregator.accept(SourceRow.orderLine("o1", 1, "C-GOLFER", AS_OF - 30 * DAY, "purchase", "GLF-0001", "golf",
                1, 80.0));
        Path snapshot = SnapshotWriter.write(dir.resolve("online"), spec, aggregator, profiles,
                Map.of("RUN-0001", "running", "GLF-0001", "golf"), AS_OF);
        Path registry = TestRegistry.copyTo(dir.resolve("registry"));
        String config = """
                version: 1
                server: {port: 0}
                security:
                  api_keys:
                    - {name: all, sha256: %s, scopes: [offers:read, events:write, admin]}
                    - {name: reader, sha256: %s, scopes: [offers:read]}
                paths:
                  spec: %s
                  offers: %s
                  blocks: %s
                  registry: %s
                  online_snapshot: %s
                model: {name: propensity, watch_seconds: 1}
                store: {type: embedded, path: %s}
                logs: {dir: %s}
                clock: snapshot
                """.formatted(sha256(KEY), sha256(READER_KEY), ProjectFiles.config("features.yaml"),
                ProjectFiles.config("offers.yaml"), ProjectFiles.config("blocks.yaml"), registry, snapshot,
                dir.resolve("store/online.mv"), dir.resolve("logs"));
        return Files.writeString(dir.resolve("serving.yaml"), config);
    }

    static String sha256(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
