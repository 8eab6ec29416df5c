package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output folder of a run. It must be new, empty, or an earlier generated warehouse (recognised by its
 * {@code generation.json}), which is replaced; any other folder is refused rather than cleared, since it may hold
 * someone's data.
 */
final class WarehouseFolder {
    static final String REPORT = "generation.json";
    static final String OFFERS = "offers.yaml";

    private WarehouseFolder() {
    }

    static void prepare(Path folder) {
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--out " + folder + " is a file; name a new or empty folder");
            }
            if (Files.isDirectory(folder)) {
                clearEarlierWarehouse(folder);
            }
            for (WarehouseTable table : WarehouseTable.values()) {
                Files.createDirectories(folder.resolve(table.tableName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void clearEarlierWarehouse(Path folder) throws IOException {
        Set<String> ours = new HashSet<>(List.of(REPORT, OFFERS, "." + REPORT + ".tmp"));
        for (WarehouseTable table : WarehouseTable.values()) {
            ours.add(table.tableName());
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.toList();
        }
        if (entries.isEmpty()) {
            return;
        }
        boolean generated = Files.isRegularFile(folder.resolve(REPORT));
        List<String> foreign = entries.stream().map(p -> p.getFileName().toString()).filter(n -> !ours.contains(n))
                .sorted().toList();
        if (!generated || !foreign.isEmpty()) {
            throw new IllegalArgumentException("--out " + folder + " is not empty and is not a warehouse written by"
                    + " nbo generate" + (foreign.isEmpty() ? "" : " (it holds " + String.join(", ",
                    foreign.subList(0, Math.min(5, foreign.size()))) + ")")
                    + "; choose a new or empty folder, or delete it first");
        }
        for (Path entry : entries) {
            delete(entry);
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Files.delete(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
