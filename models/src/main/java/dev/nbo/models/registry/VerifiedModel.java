package dev.nbo.models.registry;

import java.nio.file.Path;

/**
 * A model version whose files all exist and match their recorded sha256, and whose feature-spec hash equals the one
 * the caller serves with. Only the registry creates one, so holding one means the checks were made.
 */
public final class VerifiedModel {
    private final Path directory;
    private final ModelManifest manifest;

    VerifiedModel(Path directory, ModelManifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    public String model() {
        return manifest.model();
    }

    public String version() {
        return manifest.version();
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The folder of the version. */
    public Path directory() {
        return directory;
    }

    /** A verified file of the version, by name (see {@link RegistryLayout}). */
    public Path file(String name) {
        if (!manifest.files().containsKey(name)) {
            throw new IllegalArgumentException("model " + model() + " version " + version() + " has no file '" + name
                    + "'; its files are " + manifest.files().keySet());
        }
        return directory.resolve(name);
    }

    /** {@code model.onnx}, the propensity model. */
    public Path modelFile() {
        return file(RegistryLayout.MODEL);
    }

    @Override
    public String toString() {
        return "VerifiedModel[" + model() + " " + version() + " at " + directory + "]";
    }
}
