package dev.nbo.features.bench;

import dev.nbo.features.generate.GenerationReport;
import dev.nbo.features.generate.GenerationSettings;
import dev.nbo.features.generate.WarehouseGenerator;
import dev.nbo.features.pipeline.FeaturePipeline;
import dev.nbo.features.pipeline.PipelineOptions;
import dev.nbo.features.validation.TableReport;
import dev.nbo.models.feature.Entity;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * {@code nbo bench features}: generates a warehouse and builds its features, measuring each phase — rows in, rows
 * out, seconds, rows per second and peak heap — in one JVM, so that both phases see the same machine state.
 */
public final class FeaturesBenchmark {
    private final PrintStream out;

    public FeaturesBenchmark(PrintStream out) {
        this.out = out;
    }

    /**
     * @param sessions creates the Spark session once generation is done (so that generation is measured alone)
     */
    public List<PhaseResult> run(GenerationSettings generation, Function<String, PipelineOptions> pipelineOptions,
                                 Function<String, SparkSession> sessions, boolean verbose) {
        PrintStream log = verbose ? out : new PrintStream(OutputStream.nullOutputStream());

        out.printf("generate: %,d customers x %d days ...%n", generation.customers(), generation.days());
        PhaseResult generate;
        try (PeakHeap heap = PeakHeap.start()) {
            long started = System.nanoTime();
            GenerationReport report = new WarehouseGenerator(log).generate(generation);
            generate = new PhaseResult("generate", generation.customers(), report.rows().total(), seconds(started),
                    heap.bytes());
        }
        out.println(describe(generate));

        SparkSession spark = sessions.apply("nbo-bench");
        try {
            PipelineOptions options = pipelineOptions.apply(generation.out().toString());
            out.printf("features: %s -> %s ...%n", options.warehouse(), options.out());
            FeaturePipeline.PipelineResult result;
            double seconds;
            long peak;
            try (PeakHeap heap = PeakHeap.start()) {
                long started = System.nanoTime();
                result = new FeaturePipeline(spark, log).run(options);
                seconds = seconds(started);
                peak = heap.bytes();
            }
            long rowsIn = result.quality().tables().values().stream().mapToLong(TableReport::rowsIn).sum();
            long rowsOut = outputRows(spark, options.out(), result);
            PhaseResult features = new PhaseResult("features", rowsIn, rowsOut, seconds, peak);
            out.println(describe(features));
            return List.of(generate, features);
        } finally {
            spark.stop();
        }
    }

    /** Snapshot rows of every entity, training pairs, and online snapshot lines. */
    private static long outputRows(SparkSession spark, String out, FeaturePipeline.PipelineResult result) {
        long rows = 0;
        for (Entity entity : Entity.values()) {
            rows += spark.read().parquet(out + "/snapshots/" + entity.wireName()).count();
        }
        rows += result.pairCounts().values().stream().mapToLong(c -> c[0]).sum();
        if (result.online() != null) {
            rows += result.online().customers() + result.online().offers() + result.online().products();
        }
        return rows;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static String describe(PhaseResult r) {
        return String.format("  %-9s rows in %,14d   rows out %,14d   %8.1f s   %,12.0f rows/s   peak heap %.2f GiB",
                r.phase(), r.rowsIn(), r.rowsOut(), r.seconds(), r.rowsPerSecond(),
                r.peakHeapBytes() / (1024.0 * 1024 * 1024));
    }

    /** The header of the Markdown table rows {@link PhaseResult#markdownRow} prints. */
    public static String markdownHeader() {
        return "| phase | customers | days | rows in | rows out | seconds | rows/s | peak heap | machine | date |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---|---|";
    }

    public static String markdownRow(PhaseResult result, String machine, String date, GenerationSettings settings) {
        return result.markdownRow(machine, date, settings.customers(), settings.days());
    }
}
