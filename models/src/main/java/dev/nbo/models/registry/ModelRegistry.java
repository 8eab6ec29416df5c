package dev.nbo.models.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where trained models live: immutable versions with their manifest, one champion pointer per model moved only by a
 * promotion, and a log of every promotion decision. Training writes it, serving reads it.
 *
 * <p>Errors: a bad argument (invalid name, unknown model or version) is an {@link IllegalArgumentException}; content
 * that cannot be trusted or served (changed or missing file, mismatched feature spec, no champion, an existing version
 * registered again) is an {@link IllegalStateException}. Messages name the model, version and file and say what to do.
 */
public interface ModelRegistry {

    /** The models that have at least one folder in the registry, sorted. */
    List<String> models();

    /** The registered versions of {@code model}, oldest first ({@link TimestampVersions#ORDER}); never a partial one. */
    List<String> versions(String model);

    /** A free version name for a new registration now (see {@link TimestampVersions}). */
    String nextVersion(String model);

    /**
     * Registers a new version atomically: either it appears complete, with its files and a manifest holding their
     * sha256, or not at all. Versions are immutable; registering an existing one fails.
     *
     * @param files                   name in the version folder to source file; must include {@code model.onnx}
     * @param manifestWithoutChecksums the manifest for {@code model} and {@code version}, with empty {@code files}
     * @return the manifest as written, with checksums
     */
    ModelManifest register(String model, String version, Map<String, Path> files, ModelManifest manifestWithoutChecksums);

    /** The manifest of a registered version, not yet checked against its files. */
    ModelManifest manifest(String model, String version);

    /** The champion pointer, if a version was ever promoted. */
    Optional<Champion> champion(String model);

    /**
     * Makes a registered version the champion after verifying its files, and logs the promotion. Readers see the old
     * or the new champion, never a partial pointer.
     */
    Champion promote(String model, String version, String reason);

    /**
     * Logs a gate decision about {@code decision.candidateVersion()} and, when it says promote, promotes that version.
     *
     * @return the champion after the decision
     */
    Optional<Champion> apply(String model, PromotionDecision decision);

    /** The promotion log, oldest first. */
    List<PromotionLogEntry> promotions(String model);

    /**
     * A version checked for serving: every listed file exists with its recorded sha256, and it was trained with the
     * feature definitions whose hash is {@code expectedFeatureSpecHash}.
     */
    VerifiedModel load(String model, String version, String expectedFeatureSpecHash);

    /** {@link #load} of the current champion; fails with what to run when there is none. */
    VerifiedModel loadChampion(String model, String expectedFeatureSpecHash);
}
