package dev.nbo.features.cli;

import dev.nbo.features.bench.FeaturesBenchmark;
import dev.nbo.features.bench.PhaseResult;
import dev.nbo.features.generate.GenerationSettings;
import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.pipeline.PipelineOptions;
import dev.nbo.models.feature.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbo bench features}: generation and the feature build, measured. */
@Command(name = "features", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = {"Generates a synthetic warehouse of --customers customers and builds its features with the"
                + " default spec, printing for each phase: rows in, rows out, seconds, rows per second and peak heap"
                + " (Spark runs in this JVM, so the heap covers it), then Markdown rows for docs/benchmarks.md.",
                "The data goes to --dir and is deleted afterwards unless --keep.", ""},
        sortOptions = false)
public final class BenchFeaturesCommand implements Callable<Integer> {
    @Option(names = "--customers", paramLabel = "N", defaultValue = "100000",
            description = "Customers to generate (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "365",
            description = "Days to simulate (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Working folder (default: nbo-work/bench-<customers> under the project).")
    Path dir;

    @Option(names = "--keep", description = "Keep the generated warehouse and the features.")
    boolean keep;

    @Option(names = "--verbose", description = "Show the generator's and the pipeline's own progress.")
    boolean verbose;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        Path work = dir != null ? dir : ProjectPaths.home().resolve("nbo-work/bench-" + customers);
        GenerationSettings generation = new GenerationSettings(customers, days, seed, LocalDate.of(2025, 1, 1),
                ProjectPaths.config("offers.yaml"), work.resolve("warehouse"),
                Runtime.getRuntime().availableProcessors());
        List<PhaseResult> results = new FeaturesBenchmark(System.out).run(generation,
                warehouse -> new PipelineOptions(warehouse, work.resolve("features").toString(),
                        ProjectPaths.config("features.yaml"), List.of(), 4, Window.parse("30d"),
                        new NegativeSampling(0.25, 1, seed), null, true),
                sparkOptions::session, verbose);
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(totalMemoryGiB()) + " GiB RAM, heap " + Runtime.getRuntime().maxMemory() / (1L << 30)
                + " GiB, Java " + System.getProperty("java.version");
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE);
        System.out.println();
        System.out.println("For docs/benchmarks.md (command: ./nbo bench features --customers " + customers
                + " --days " + days + "):");
        System.out.println(FeaturesBenchmark.markdownHeader());
        results.forEach(r -> System.out.println(FeaturesBenchmark.markdownRow(r, machine, date, generation)));
        if (!keep) {
            delete(work);
        }
        return 0;
    }

    private static double totalMemoryGiB() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return 0;
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
