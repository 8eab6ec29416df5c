package dev.nbo.features.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Default locations of shipped files, relative to the project root that {@code ./nbo} passes as {@code nbo.home}
 * (the working directory otherwise).
 */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    public static Path home() {
        String home = System.getProperty("nbo.home");
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    /** A shipped config file, e.g. {@code config/features.yaml}; refused with its path when absent. */
    public static Path config(String relative) {
        Path file = home().resolve("config").resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot find " + file + "; pass the file explicitly or run from the"
                    + " NBO checkout");
        }
        return file;
    }
}
