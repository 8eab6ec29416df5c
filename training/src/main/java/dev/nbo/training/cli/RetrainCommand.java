package dev.nbo.training.cli;

import dev.nbo.features.cli.ProjectPaths;
import dev.nbo.features.cli.SparkOptions;
import dev.nbo.features.cli.Versions;
import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.pipeline.FeaturePipeline;
import dev.nbo.features.pipeline.PipelineOptions;
import dev.nbo.models.feature.Window;
import dev.nbo.models.registry.PromotionPolicy;
import dev.nbo.training.job.TrainingJob;
import dev.nbo.training.job.TrainingOptions;
import dev.nbo.training.schedule.CronSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nbo retrain}: features, training and the promotion gate in one command, for schedulers. With
 * {@code --schedule} it keeps running and retrains on the cron expression; a failed run is reported and the next one
 * still happens (the champion is untouched by a failure).
 */
@Command(name = "retrain", mixinStandardHelpOptions = true, versionProvider = Versions.class, sortOptions = false,
        description = {"Rebuilds the features of a warehouse, trains, evaluates and registers a new version, and lets"
                + " the promotion gate decide — one command for cron, Airflow or Kubernetes CronJobs (exit code 0 when"
                + " the run completed, whether or not the model was promoted).",
                "With --schedule \"CRON\" it stays up and runs on that five-field UTC cron expression.", ""})
final class RetrainCommand implements Callable<Integer> {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse to read.")
    String warehouse;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the features of each run go (default: nbo-work/retrain under the project).")
    Path work;

    @Option(names = "--spec", paramLabel = "FILE", description = "features.yaml (default: config/features.yaml).")
    Path spec;

    @Option(names = "--horizon", paramLabel = "WINDOW", defaultValue = "30d",
            description = "Label horizon (default: ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--as-of-count", paramLabel = "N", defaultValue = "4",
            description = "As-of dates, one horizon apart, ending at the data's end (default: ${DEFAULT-VALUE}).")
    int asOfCount;

    @Option(names = "--registry", paramLabel = "DIR",
            description = "The model registry (default: nbo-work/registry under the project).")
    Path registry;

    @Option(names = "--config", paramLabel = "FILE", description = "training.yaml (default: config/training.yaml).")
    Path config;

    @Option(names = "--rules", paramLabel = "FILE", description = "The marketers' rules, evaluated as a baseline.")
    Path rules;

    @Option(names = "--promote", paramLabel = "POLICY", description = "auto, never or force (default: auto).")
    String promote;

    @Option(names = "--schedule", paramLabel = "CRON",
            description = "Keep running and retrain on this cron expression (UTC), e.g. \"0 3 * * 1\".")
    String schedule;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws InterruptedException {
        Optional<CronSchedule> cron = Optional.ofNullable(schedule).map(CronSchedule::parse);
        Optional<PromotionPolicy> policy = Optional.ofNullable(promote).map(PromotionPolicy::fromWireName);
        Path specFile = spec != null ? spec : ProjectPaths.config("features.yaml");
        Path configFile = config != null ? config : ProjectPaths.config("training.yaml");
        if (cron.isEmpty()) {
            retrainOnce(specFile, configFile, policy);
            return 0;
        }
        System.out.println("Retraining on \"" + cron.get() + "\" (UTC); stop with Ctrl-C or SIGTERM.");
        while (true) {
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            ZonedDateTime next = cron.get().next(now);
            System.out.println("next run at " + next);
            Thread.sleep(Math.max(0, Duration.between(now, next).toMillis()));
            try {
                retrainOnce(specFile, configFile, policy);
            } catch (RuntimeException e) {
                // one failed run (bad data, a full disk) must not stop the schedule; the champion is untouched
                System.err.println("nbo retrain: the run of " + next + " failed: " + e.getMessage());
            }
        }
    }

    private void retrainOnce(Path specFile, Path configFile, Optional<PromotionPolicy> policy) {
        Path root = work != null ? work : ProjectPaths.home().resolve("nbo-work/retrain");
        Path features = root.resolve("features");
        SparkSession spark = sparkOptions.session("nbo-retrain");
        try {
            System.out.println("== features: " + warehouse + " -> " + features);
            new FeaturePipeline(spark, System.out).run(new PipelineOptions(warehouse, features.toString(), specFile,
                    List.of(), asOfCount, Window.parse(horizon), new NegativeSampling(0.25, 1, 42), null, true))
                    .print(System.out);
            System.out.println("== training");
            new TrainingJob(spark, System.out, System.getProperty("nbo.version", "dev")).run(new TrainingOptions(
                    features, registry != null ? registry : TrainCommand.defaultRegistry(), configFile,
                    Optional.ofNullable(rules), Optional.of(specFile), Optional.empty(), policy));
        } finally {
            spark.stop();
        }
    }
}
