package dev.nbo.models.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid manifests and small model files for the registry tests. */
final class ManifestFixture {
    static final String SPEC_HASH = "a".repeat(64);
    static final String OTHER_SPEC_HASH = "b".repeat(64);
    static final Instant CREATED = Instant.parse("2026-11-01T03:00:00Z");

    private ManifestFixture() {
    }

    static ModelManifest manifest(String model, String version) {
        return manifest(model, version, Map.of("ndcg@3", 0.412, "auc", 0.781), Parity.of(5000, 2e-7, 5000, 0, 1e-5));
    }

    static ModelManifest manifest(String model, String version, Map<String, Double> metrics, Parity parity) {
        return manifest(model, version, metrics, parity, 20_000);
    }

    static ModelManifest manifest(String model, String version, Map<String, Double> metrics, Parity parity,
            long holdoutRows) {
        Map<String, Object> hyperParameters = new LinkedHashMap<>();
        hyperParameters.put("trees", 200);
        hyperParameters.put("max_depth", 6L);
        hyperParameters.put("eta", 0.3);
        hyperParameters.put("objective", "binary:logistic");
        hyperParameters.put("early_stopping", false);
        return new ModelManifest(model, version, CREATED, "0.1.0-SNAPSHOT+f392487",
                List.of("page_views_7d", "orders_90d", "offer_ctr_30d"), SPEC_HASH, "features-20261031-0200",
                new TrainingSummary(List.of(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-15")),
                        List.of(LocalDate.parse("2026-10-01")), 120_000, 3_600, holdoutRows, holdoutRows / 30),
                hyperParameters, 42L, new LinkedHashMap<>(metrics), parity,
                new Segments(3, List.of("bargain-hunters", "loyal", "dormant")));
    }

    /** The layout's files with distinct small contents, written under {@code dir}. */
    static Map<String, Path> files(Path dir, String tag) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : List.of(RegistryLayout.MODEL, RegistryLayout.SEGMENTS, RegistryLayout.ENCODER,
                RegistryLayout.METRICS, RegistryLayout.REPORT)) {
            Path file = dir.resolve(tag + "-" + name);
            Files.writeString(file, name + " of " + tag + " " + "x".repeat(200), StandardCharsets.UTF_8);
            files.put(name, file);
        }
        return files;
    }
}
