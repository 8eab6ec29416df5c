package dev.nbo.training.cli;

import dev.nbo.features.cli.ProjectPaths;
import dev.nbo.features.cli.SparkOptions;
import dev.nbo.features.cli.Versions;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.training.bench.TrainingBenchmark;
import dev.nbo.training.data.FeatureRun;
import dev.nbo.training.job.TrainingConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbo bench training}. */
@Command(name = "training", mixinStandardHelpOptions = true, versionProvider = Versions.class, sortOptions = false,
        description = {"Trains the propensity model of a features run and prints training rows/s, ONNX export"
                + " seconds, and single-row and batch scoring latency of ONNX Runtime next to Tribuo's own predict for"
                + " the same model (the two alternate call by call, so both see the same machine load).", ""})
final class BenchTrainingCommand implements Callable<Integer> {
    @Option(names = "--features", required = true, paramLabel = "DIR",
            description = "A features run (e.g. nbo-work/demo/features after ./nbo demo).")
    Path features;

    @Option(names = "--config", paramLabel = "FILE", description = "training.yaml (default: config/training.yaml).")
    Path config;

    @Option(names = "--spec", paramLabel = "FILE", description = "features.yaml (default: the one in run.json).")
    Path spec;

    @Option(names = "--single-calls", paramLabel = "N", defaultValue = "2000",
            description = "Single-row calls to time (default: ${DEFAULT-VALUE}).")
    int singleCalls;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
            description = "Rows per batch call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--batch-calls", paramLabel = "N", defaultValue = "50",
            description = "Batch calls to time (default: ${DEFAULT-VALUE}).")
    int batchCalls;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        if (singleCalls < 1 || batch < 1 || batchCalls < 1) {
            throw new IllegalArgumentException("--single-calls, --batch and --batch-calls must be at least 1");
        }
        FeatureRun run = FeatureRun.read(features);
        Path specFile = spec != null ? spec : run.specPath();
        TrainingConfig training = TrainingConfig.load(config != null ? config : ProjectPaths.config("training.yaml"));
        SparkSession session = sparkOptions.session("nbo-bench-training");
        try {
            System.out.printf("Machine: %d cores, %,d MiB max heap%n", Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            new TrainingBenchmark(session, System.out).run(run, FeatureSpec.load(specFile), training.model(),
                    singleCalls, batch, batchCalls);
        } finally {
            session.stop();
        }
        return 0;
    }
}
