package dev.nbo.training.cli;

import dev.nbo.features.cli.ProjectPaths;
import dev.nbo.features.cli.SparkOptions;
import dev.nbo.features.cli.Versions;
import dev.nbo.models.registry.PromotionPolicy;
import dev.nbo.training.data.FeatureRun;
import dev.nbo.training.job.TrainingConfig;
import dev.nbo.training.job.TrainingJob;
import dev.nbo.training.job.TrainingOptions;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbo train}: one training run on a features run, registered, then judged by the promotion gate. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Versions.class, sortOptions = false,
        description = {"Trains the propensity model (Tribuo XGBoost) and the customer segments (Tribuo k-means) on"
                + " the training pairs of a features run, evaluates them on the newest as-of date(s) against the"
                + " random, popularity, buy-again and (with --rules) rules baselines, exports both to ONNX, checks"
                + " that ONNX Runtime scores like Tribuo on the whole holdout, registers the version and lets the"
                + " promotion gate decide whether it becomes the champion.", ""})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--features", required = true, paramLabel = "DIR",
            description = "The output folder of ./nbo features (with run.json and training_pairs/).")
    Path features;

    @Option(names = "--registry", paramLabel = "DIR",
            description = "The model registry folder (default: nbo-work/registry under the project).")
    Path registry;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Training configuration (default: config/training.yaml; see docs/training.md).")
    Path config;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "The marketers' rules (e.g. config/rules.yaml) to evaluate as a baseline.")
    Path rules;

    @Option(names = "--offers", paramLabel = "FILE",
            description = "The offer catalog the rules refer to (default: the warehouse's offers.yaml).")
    Path offers;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "The features.yaml the run was built with (default: the path recorded in run.json).")
    Path spec;

    @Option(names = "--promote", paramLabel = "POLICY",
            description = "auto (champion only if it beats the current one), never, or force (default: the"
                    + " config's promotion.policy, auto).")
    String promote;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        TrainingOptions options = options();
        // refuse bad input before Spark takes seconds to start
        FeatureRun.read(options.features());
        TrainingConfig.load(options.config());
        SparkSession spark = sparkOptions.session("nbo-train");
        try {
            new TrainingJob(spark, System.out, System.getProperty("nbo.version", "dev")).run(options);
        } finally {
            spark.stop();
        }
        return 0;
    }

    TrainingOptions options() {
        return new TrainingOptions(features, registry != null ? registry : defaultRegistry(),
                config != null ? config : ProjectPaths.config("training.yaml"), Optional.ofNullable(rules),
                Optional.ofNullable(spec), Optional.ofNullable(offers),
                Optional.ofNullable(promote).map(PromotionPolicy::fromWireName));
    }

    static Path defaultRegistry() {
        return ProjectPaths.home().resolve("nbo-work/registry");
    }
}
