package dev.nbo.serving.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The registered test model (src/test/resources/registry, see its README), copied where a test may change it. */
public final class TestRegistry {
    private TestRegistry() {
    }

    public static Path copyTo(Path target) throws IOException {
        Path source = Path.of("src/test/resources/registry");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(path, to);
                }
            }
        }
        return target;
    }
}
