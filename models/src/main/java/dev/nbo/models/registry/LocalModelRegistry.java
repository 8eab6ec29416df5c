package dev.nbo.models.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The registry as a folder, local or shared (NFS, SMB, a synced drive): {@code <root>/<model>/<version>/} holds a
 * version's files and {@code manifest.json}; {@code <root>/<model>/champion.json} points at the champion;
 * {@code <root>/<model>/promotions.jsonl} logs promotion decisions. See {@code docs/registry.md}.
 *
 * <p>Every publication is one atomic rename on the same filesystem: a version folder is assembled in a hidden
 * {@code .staging-*} folder beside it, and the champion pointer in a hidden temporary file. A crash leaves only hidden
 * leftovers, which no reader lists and a later registration deletes once they are older than {@code staleAfter} —
 * younger ones may belong to a registration still running on another machine.
 *
 * <p>Holds no mutable state: one instance may be shared by threads, and several processes may use the same folder.
 */
public final class LocalModelRegistry implements ModelRegistry {
    /** Long enough for any registration to finish; registrations copy a few megabytes. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(1);
    private static final String STAGING = ".staging-";
    private static final String MODIFIED = "the registry folder was modified or copied incompletely; re-register the"
            + " model or copy the folder again";

    private final Path root;
    private final Clock clock;
    private final Duration staleAfter;

    public LocalModelRegistry(Path root) {
        this(root, Clock.systemUTC(), DEFAULT_STALE_AFTER);
    }

    /**
     * @param clock      the time of promotions, log entries and new version names, and the "now" of staleness
     * @param staleAfter the age after which a hidden leftover of a crashed write is deleted
     */
    public LocalModelRegistry(Path root, Clock clock, Duration staleAfter) {
        if (root == null || clock == null || staleAfter == null || staleAfter.isNegative()) {
            throw new IllegalArgumentException("root, clock and a non-negative staleAfter are required, got " + root
                    + ", " + clock + ", " + staleAfter);
        }
        this.root = root;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> models() {
        return listDirectories(root, RegistryNames::isName).stream().sorted().toList();
    }

    @Override
    public List<String> versions(String model) {
        Path modelDir = modelDir(model);
        return listDirectories(modelDir, name -> RegistryNames.isName(name)
                && Files.isRegularFile(modelDir.resolve(name).resolve(RegistryLayout.MANIFEST)))
                .stream().sorted(TimestampVersions.ORDER).toList();
    }

    @Override
    public String nextVersion(String model) {
        return TimestampVersions.next(clock.instant(), versions(model));
    }

    @Override
    public ModelManifest register(String model, String version, Map<String, Path> files,
            ModelManifest manifestWithoutChecksums) {
        Path modelDir = modelDir(model);
        Path target = modelDir.resolve(RegistryNames.checkVersion(version));
        checkRegistration(model, version, files, manifestWithoutChecksums);
        if (Files.exists(target)) {
            throw alreadyRegistered(model, version);
        }
        Path staging = null;
        try {
            Files.createDirectories(modelDir);
            deleteStaleLeftovers(modelDir);
            staging = Files.createTempDirectory(modelDir, STAGING + version + "-");
            Map<String, String> checksums = new TreeMap<>();
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Path copy = staging.resolve(file.getKey());
                DurableFiles.copy(file.getValue(), copy);
                checksums.put(file.getKey(), Sha256.of(copy));
            }
            ModelManifest manifest = manifestWithoutChecksums.withFiles(checksums);
            DurableFiles.write(staging.resolve(RegistryLayout.MANIFEST),
                    manifest.toJson().getBytes(StandardCharsets.UTF_8));
            DurableFiles.forceDirectory(staging);
            publish(staging, target, model, version);
            DurableFiles.forceDirectory(modelDir);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register model " + model + " version " + version + " in " + root
                    + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    @Override
    public ModelManifest manifest(String model, String version) {
        Path dir = versionDir(model, version);
        Path file = dir.resolve(RegistryLayout.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model " + model + " has no version " + version + " in " + root
                    + "; its versions are " + versions(model));
        }
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + "; " + MODIFIED, e);
        }
        if (!manifest.model().equals(model) || !manifest.version().equals(version)) {
            throw new IllegalStateException(file + " describes model " + manifest.model() + " version "
                    + manifest.version() + ", not the folder it is in (" + model + "/" + version + "); a version"
                    + " folder was renamed or copied to the wrong place; put it back or re-register the model");
        }
        return manifest;
    }

    @Override
    public Optional<Champion> champion(String model) {
        Path file = modelDir(model).resolve(RegistryLayout.CHAMPION);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(RegistryJson.read(file.toString(), json, Champion.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + "; promote a version again to rewrite it", e);
        }
    }

    @Override
    public Champion promote(String model, String version, String reason) {
        verifyForPromotion(model, version);
        Instant now = clock.instant();
        Champion champion = new Champion(version, now, reason);
        writeChampion(model, champion);
        log(model, PromotionLogEntry.manual(now, champion));
        return champion;
    }

    @Override
    public Optional<Champion> apply(String model, PromotionDecision decision) {
        String version = decision.candidateVersion();
        Instant now = clock.instant();
        if (!decision.promote()) {
            manifest(model, version);
            log(model, PromotionLogEntry.of(now, decision));
            return champion(model);
        }
        verifyForPromotion(model, version);
        Champion champion = new Champion(version, now, decision.reason());
        writeChampion(model, champion);
        log(model, PromotionLogEntry.of(now, decision));
        return Optional.of(champion);
    }

    @Override
    public List<PromotionLogEntry> promotions(String model) {
        Path file = modelDir(model).resolve(RegistryLayout.PROMOTIONS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> lines = content.lines().toList();
        // A crash during an append can cut the last line short; only a newline-terminated line is a whole entry.
        int whole = content.endsWith("\n") ? lines.size() : lines.size() - 1;
        List<PromotionLogEntry> entries = new ArrayList<>();
        for (int i = 0; i < whole; i++) {
            if (!lines.get(i).isBlank()) {
                entries.add(RegistryJson.read(file + ":" + (i + 1), lines.get(i), PromotionLogEntry.class));
            }
        }
        return List.copyOf(entries);
    }

    @Override
    public VerifiedModel load(String model, String version, String expectedFeatureSpecHash) {
        Sha256.check("expected feature-spec hash", expectedFeatureSpecHash);
        ModelManifest manifest = manifest(model, version);
        if (!manifest.featureSpecHash().equals(expectedFeatureSpecHash)) {
            throw new IllegalStateException("model " + model + " version " + version + " was trained with feature-spec"
                    + " hash " + manifest.featureSpecHash() + ", but the features.yaml in use has hash "
                    + expectedFeatureSpecHash + "; its inputs would not mean what the model learned. Rebuild the"
                    + " features and retrain with this features.yaml, or point serving at the features.yaml the model"
                    + " was trained with");
        }
        Path dir = versionDir(model, version);
        verifyFiles(dir, manifest);
        return new VerifiedModel(dir, manifest);
    }

    @Override
    public VerifiedModel loadChampion(String model, String expectedFeatureSpecHash) {
        Champion champion = champion(model).orElseThrow(() -> new IllegalStateException("model " + model
                + " has no champion in " + root + " (versions: " + versions(model) + "); train and promote one with"
                + " ./nbo train ... --promote force, or promote a registered version"));
        return load(model, champion.version(), expectedFeatureSpecHash);
    }

    private void checkRegistration(String model, String version, Map<String, Path> files, ModelManifest manifest) {
        if (manifest == null || !manifest.model().equals(model) || !manifest.version().equals(version)) {
            throw new IllegalArgumentException("the manifest must describe model " + model + " version " + version
                    + ", got " + (manifest == null ? "none" : manifest.model() + " version " + manifest.version()));
        }
        if (!manifest.files().isEmpty()) {
            throw new IllegalArgumentException("pass the manifest without checksums (files: " + manifest.files()
                    .keySet() + "); the registry computes them from the copies it makes");
        }
        if (!manifest.parity().passed()) {
            throw new IllegalArgumentException("model " + model + " version " + version + " failed its ONNX parity"
                    + " check (" + manifest.parity().failure() + "); a model whose exported scores differ from the"
                    + " trained ones is not registered; fix the export and train again");
        }
        if (files == null || !files.containsKey(RegistryLayout.MODEL)) {
            throw new IllegalArgumentException("the files must include " + RegistryLayout.MODEL + ", got "
                    + (files == null ? "none" : files.keySet()));
        }
        files.forEach((name, source) -> {
            RegistryNames.checkFile(name);
            if (source == null || !Files.isRegularFile(source)) {
                throw new IllegalArgumentException("the source of " + name + " is not a file: " + source);
            }
        });
    }

    private void publish(Path staging, Path target, String model, String version) throws IOException {
        try {
            // Atomic rename: readers see no version folder or a complete one. A non-empty target makes it fail,
            // so a concurrent registration of the same version cannot be overwritten.
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (Files.exists(target)) {
                throw alreadyRegistered(model, version);
            }
            throw e;
        }
    }

    private IllegalStateException alreadyRegistered(String model, String version) {
        return new IllegalStateException("model " + model + " version " + version + " is already registered in "
                + root + "; versions are immutable: register under a new version (nextVersion gives one)");
    }

    /** Refuses a version whose files do not match their checksums or whose parity failed: unfit to be champion. */
    private void verifyForPromotion(String model, String version) {
        ModelManifest manifest = manifest(model, version);
        verifyFiles(versionDir(model, version), manifest);
        if (!manifest.parity().passed()) {
            throw new IllegalStateException("model " + model + " version " + version + " failed its ONNX parity check ("
                    + manifest.parity().failure() + ") and cannot be champion");
        }
    }

    private void verifyFiles(Path dir, ModelManifest manifest) {
        String what = "model " + manifest.model() + " version " + manifest.version() + ": ";
        for (Map.Entry<String, String> file : manifest.files().entrySet()) {
            Path path = dir.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(what + file.getKey() + " is listed in its manifest but missing from "
                        + dir + "; " + MODIFIED);
            }
            String actual = Sha256.of(path);
            if (!actual.equals(file.getValue())) {
                throw new IllegalStateException(what + file.getKey() + " has sha256 " + actual + " but its manifest"
                        + " records " + file.getValue() + "; " + MODIFIED);
            }
        }
    }

    private void writeChampion(String model, Champion champion) {
        Path file = modelDir(model).resolve(RegistryLayout.CHAMPION);
        try {
            DurableFiles.replace(file, RegistryJson.pretty(champion).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot promote model " + model + " version " + champion.version()
                    + ": writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private void log(String model, PromotionLogEntry entry) {
        Path file = modelDir(model).resolve(RegistryLayout.PROMOTIONS);
        try {
            DurableFiles.append(file, (RegistryJson.line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes hidden leftovers of crashed writes (staging folders, champion temp files) older than {@code staleAfter}.
     * Best effort: a leftover that cannot be deleted now is harmless, as no reader lists it. Other hidden entries
     * ({@code .nfs*} files of an NFS share, {@code .DS_Store}) are not ours and stay.
     */
    private void deleteStaleLeftovers(Path modelDir) throws IOException {
        Instant cutoff = clock.instant().minus(staleAfter);
        try (Stream<Path> entries = Files.list(modelDir)) {
            for (Path entry : entries.filter(LocalModelRegistry::isLeftover).toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                    deleteQuietly(entry);
                }
            }
        }
    }

    private static boolean isLeftover(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith(STAGING) || (name.startsWith("." + RegistryLayout.CHAMPION + "-")
                && name.endsWith(".tmp"));
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            DurableFiles.deleteTree(path);
        } catch (IOException e) {
            // Left for the stale-leftover sweep of a later registration; never listed meanwhile.
        }
    }

    private Path modelDir(String model) {
        return root.resolve(RegistryNames.checkModel(model));
    }

    private Path versionDir(String model, String version) {
        return modelDir(model).resolve(RegistryNames.checkVersion(version));
    }

    private static List<String> listDirectories(Path dir, Predicate<String> accept) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(accept).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
