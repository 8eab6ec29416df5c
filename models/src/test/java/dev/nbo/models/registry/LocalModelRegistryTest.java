package dev.nbo.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModelRegistryTest {
    private static final String MODEL = "propensity";
    private static final Instant NOW = Instant.parse("2026-11-02T03:00:00Z");

    @TempDir
    Path temp;
    private Path root;
    private LocalModelRegistry registry;

    @BeforeEach
    void setUp() {
        root = temp.resolve("registry");
        registry = new LocalModelRegistry(root, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));
    }

    @Test
    void registrationCopiesTheFilesAndRecordsChecksumsThatMatchThem() throws Exception {
        Map<String, Path> sources = ManifestFixture.files(temp.resolve("out"), "v1");

        ModelManifest written = registry.register(MODEL, "v1", sources, ManifestFixture.manifest(MODEL, "v1"));

        Path dir = root.resolve(MODEL).resolve("v1");
        assertThat(written.files().keySet()).containsExactly("encoder.json", "metrics.json", "model.onnx",
                "report.html", "segments.onnx");
        for (Map.Entry<String, Path> source : sources.entrySet()) {
            assertThat(dir.resolve(source.getKey())).hasSameBinaryContentAs(source.getValue());
            assertThat(written.files().get(source.getKey())).isEqualTo(sha256(source.getValue()));
        }
        assertThat(ModelManifest.read(dir.resolve("manifest.json"))).isEqualTo(written);
        assertThat(registry.manifest(MODEL, "v1")).isEqualTo(written);
        assertThat(registry.versions(MODEL)).containsExactly("v1");
        assertThat(registry.models()).containsExactly(MODEL);
        try (Stream<Path> entries = Files.list(root.resolve(MODEL))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("v1");
        }
    }

    @Test
    void versionsAreImmutable() throws Exception {
        register("v1");
        Path model = root.resolve(MODEL).resolve("v1").resolve("model.onnx");
        byte[] before = Files.readAllBytes(model);

        Map<String, Path> other = ManifestFixture.files(temp.resolve("other"), "other");
        assertThatThrownBy(() -> registry.register(MODEL, "v1", other, ManifestFixture.manifest(MODEL, "v1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model propensity version v1 is already registered")
                .hasMessageContaining("versions are immutable");
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }

    @Test
    void refusesToRegisterAModelWhoseParityFailed() throws Exception {
        Map<String, Path> files = ManifestFixture.files(temp.resolve("out"), "v1");
        ModelManifest failed = ManifestFixture.manifest(MODEL, "v1", Map.of("ndcg@3", 0.5),
                Parity.of(5000, 3e-4, 5000, 0, 1e-5));

        assertThatThrownBy(() -> registry.register(MODEL, "v1", files, failed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failed its ONNX parity check (max_abs_diff 3.0E-4 against tolerance 1.0E-5");
        assertThat(registry.versions(MODEL)).isEmpty();
    }

    @Test
    void refusesAManifestForAnotherVersionOrWithChecksumsOrWithoutTheModelFile() throws Exception {
        Map<String, Path> files = ManifestFixture.files(temp.resolve("out"), "v1");

        assertThatThrownBy(() -> registry.register(MODEL, "v2", files, ManifestFixture.manifest(MODEL, "v1")))
                .hasMessageContaining("the manifest must describe model propensity version v2, got propensity"
                        + " version v1");
        assertThatThrownBy(() -> registry.register(MODEL, "v1", files, ManifestFixture.manifest(MODEL, "v1")
                .withFiles(Map.of("model.onnx", "c".repeat(64))))).hasMessageContaining("without checksums");
        assertThatThrownBy(() -> registry.register(MODEL, "v1", Map.of("report.html", files.get("report.html")),
                ManifestFixture.manifest(MODEL, "v1"))).hasMessageContaining("must include model.onnx");
    }

    @Test
    void aCrashedRegistrationLeavesOnlyAStagingFolderThatIsNeverListedAndLaterCleaned() throws Exception {
        register("v1");
        Path modelDir = root.resolve(MODEL);
        Path crashed = Files.createDirectory(modelDir.resolve(".staging-v2-123"));
        Files.writeString(crashed.resolve("model.onnx"), "half a model");
        Files.setLastModifiedTime(crashed, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Path running = Files.createDirectory(modelDir.resolve(".staging-v3-456"));
        Files.setLastModifiedTime(running, FileTime.from(NOW.minus(Duration.ofMinutes(5))));
        Path halfChampion = Files.writeString(modelDir.resolve(".champion.json-789.tmp"), "{\"vers");
        Files.setLastModifiedTime(halfChampion, FileTime.from(NOW.minus(Duration.ofHours(2))));
        Path foreign = Files.writeString(modelDir.resolve(".nfs000123"), "held open by another client");
        Files.setLastModifiedTime(foreign, FileTime.from(NOW.minus(Duration.ofHours(2))));

        assertThat(registry.versions(MODEL)).containsExactly("v1");
        assertThatThrownBy(() -> registry.manifest(MODEL, "v2")).hasMessageContaining("has no version v2");

        register("v2");

        assertThat(crashed).doesNotExist();
        assertThat(halfChampion).doesNotExist();
        assertThat(foreign).as("not ours").exists();
        assertThat(registry.champion(MODEL)).isEmpty();
        assertThat(running).as("a younger staging folder may be another machine's registration").exists();
        assertThat(registry.versions(MODEL)).containsExactly("v1", "v2");
        assertThat(registry.load(MODEL, "v2", ManifestFixture.SPEC_HASH).version()).isEqualTo("v2");
    }

    @Test
    void loadsAVerifiedVersionWithItsFiles() throws Exception {
        ModelManifest written = register("v1");

        VerifiedModel model = registry.load(MODEL, "v1", ManifestFixture.SPEC_HASH);

        assertThat(model.manifest()).isEqualTo(written);
        assertThat(model.modelFile()).isEqualTo(root.resolve(MODEL).resolve("v1").resolve("model.onnx"));
        assertThat(model.file(RegistryLayout.ENCODER)).hasContent(Files.readString(model.file("encoder.json")));
        assertThatThrownBy(() -> model.file("weights.bin")).hasMessageContaining("has no file 'weights.bin'");
    }

    @Test
    void refusesAFileWithOneByteChangedNamingTheFileAndBothChecksums() throws Exception {
        ModelManifest written = register("v1");
        Path onnx = root.resolve(MODEL).resolve("v1").resolve("segments.onnx");
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[7] ^= 0x01;
        Files.write(onnx, bytes);

        assertThatThrownBy(() -> registry.load(MODEL, "v1", ManifestFixture.SPEC_HASH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model propensity version v1: segments.onnx has sha256 " + sha256(onnx))
                .hasMessageContaining("its manifest records " + written.files().get("segments.onnx"))
                .hasMessageContaining("the registry folder was modified or copied incompletely; re-register");
        assertThatThrownBy(() -> registry.promote(MODEL, "v1", "try")).hasMessageContaining("segments.onnx");
        assertThat(registry.champion(MODEL)).isEmpty();
    }

    @Test
    void refusesAVersionWithAListedFileMissing() throws Exception {
        register("v1");
        Files.delete(root.resolve(MODEL).resolve("v1").resolve("encoder.json"));

        assertThatThrownBy(() -> registry.load(MODEL, "v1", ManifestFixture.SPEC_HASH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encoder.json is listed in its manifest but missing")
                .hasMessageContaining("copied incompletely");
    }

    @Test
    void refusesAModelTrainedWithOtherFeatureDefinitionsGivingBothHashes() throws Exception {
        register("v1");

        assertThatThrownBy(() -> registry.load(MODEL, "v1", ManifestFixture.OTHER_SPEC_HASH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("feature-spec hash " + ManifestFixture.SPEC_HASH)
                .hasMessageContaining("has hash " + ManifestFixture.OTHER_SPEC_HASH)
                .hasMessageContaining("retrain with this features.yaml")
                .hasMessageContaining("point serving at the features.yaml the model was trained with");
    }

    @Test
    void refusesAVersionFolderThatWasRenamed() throws Exception {
        register("v1");
        Files.move(root.resolve(MODEL).resolve("v1"), root.resolve(MODEL).resolve("v9"));

        assertThatThrownBy(() -> registry.load(MODEL, "v9", ManifestFixture.SPEC_HASH))
                .hasMessageContaining("describes model propensity version v1, not the folder it is in"
                        + " (propensity/v9)");
    }

    @Test
    void withoutAChampionLoadingItSaysHowToMakeOne() throws Exception {
        register("v1");

        assertThat(registry.champion(MODEL)).isEmpty();
        assertThatThrownBy(() -> registry.loadChampion(MODEL, ManifestFixture.SPEC_HASH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model propensity has no champion")
                .hasMessageContaining("./nbo train ... --promote force");
    }

    @Test
    void promotesAVerifiedVersionAndLogsIt() throws Exception {
        register("v1");
        register("v2");

        Champion champion = registry.promote(MODEL, "v1", "first model");
        registry.promote(MODEL, "v2", "rollforward after review");

        assertThat(champion).isEqualTo(new Champion("v1", NOW, "first model"));
        assertThat(registry.champion(MODEL)).contains(new Champion("v2", NOW, "rollforward after review"));
        assertThat(registry.loadChampion(MODEL, ManifestFixture.SPEC_HASH).version()).isEqualTo("v2");
        assertThat(registry.promotions(MODEL)).containsExactly(
                new PromotionLogEntry(NOW, "v1", "promoted", "manual", "first model", null, null, null, null, null),
                new PromotionLogEntry(NOW, "v2", "promoted", "manual", "rollforward after review", null, null, null,
                        null, null));
        assertThatThrownBy(() -> registry.promote(MODEL, "v3", "typo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model propensity has no version v3").hasMessageContaining("[v1, v2]");
        try (Stream<Path> entries = Files.list(root.resolve(MODEL))) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("v1", "v2", "champion.json", "promotions.jsonl");
        }
    }

    @Test
    void appliesGateDecisionsAndLogsThemWithTheirFigures() throws Exception {
        register("v1");
        register("v2");
        PromotionGate gate = new PromotionGate(GateConfig.DEFAULT);
        PromotionDecision first = gate.decide(PromotionPolicy.AUTO, registry.manifest(MODEL, "v1"),
                Optional.empty());
        registry.apply(MODEL, first);
        PromotionDecision second = gate.decide(PromotionPolicy.AUTO, registry.manifest(MODEL, "v2"),
                Optional.of(ChampionScore.rescored("v1", 0.415)));

        assertThat(registry.apply(MODEL, second)).map(Champion::version).contains("v1");

        List<PromotionLogEntry> log = registry.promotions(MODEL);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).decision()).isEqualTo("promoted");
        assertThat(log.get(0).reason()).isEqualTo("promoted: there is no champion yet (ndcg@3 0.412)");
        assertThat(log.get(1)).isEqualTo(new PromotionLogEntry(NOW, "v2", "kept", "auto", second.reason(), "ndcg@3",
                0.412, "v1", 0.415, true));
        assertThat(registry.champion(MODEL).orElseThrow().reason()).isEqualTo(first.reason());
    }

    @Test
    void readsAPromotionLogWhoseLastLineACrashCutShort() throws Exception {
        register("v1");
        registry.promote(MODEL, "v1", "first");
        Files.writeString(root.resolve(MODEL).resolve("promotions.jsonl"), "{\"time\":\"2026-11-0",
                StandardOpenOption.APPEND);

        assertThat(registry.promotions(MODEL)).extracting(PromotionLogEntry::version).containsExactly("v1");
    }

    @Test
    void suggestsATimestampVersionAfterTheTakenOnes() throws Exception {
        assertThat(registry.nextVersion(MODEL)).isEqualTo("20261102-030000");
        register("20261102-030000");
        assertThat(registry.nextVersion(MODEL)).isEqualTo("20261102-030000-2");
        register("20261102-030000-2");
        register("20261101-120000");

        assertThat(registry.versions(MODEL)).containsExactly("20261101-120000", "20261102-030000",
                "20261102-030000-2");
    }

    @Test
    void refusesNamesThatAreNotSafeFolderNames() {
        assertThatThrownBy(() -> registry.versions("../etc")).hasMessageContaining("model name '../etc' is not valid");
        assertThatThrownBy(() -> registry.manifest(MODEL, "V1")).hasMessageContaining("version 'V1' is not valid");
        assertThat(registry.versions("unknown")).isEmpty();
        assertThat(registry.models()).isEmpty();
    }

    private ModelManifest register(String version) throws IOException {
        return registry.register(MODEL, version, ManifestFixture.files(temp.resolve("out-" + version), version),
                ManifestFixture.manifest(MODEL, version));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
