package dev.nbo.training.cli;

import dev.nbo.features.cli.ProjectPaths;
import dev.nbo.features.cli.SparkOptions;
import dev.nbo.features.cli.Versions;
import dev.nbo.features.generate.GenerationSettings;
import dev.nbo.features.generate.WarehouseGenerator;
import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.pipeline.FeaturePipeline;
import dev.nbo.features.pipeline.PipelineOptions;
import dev.nbo.models.feature.Window;
import dev.nbo.training.job.RankingTable;
import dev.nbo.training.job.TrainingJob;
import dev.nbo.training.job.TrainingOptions;
import dev.nbo.training.job.TrainingOutcome;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbo demo}: the main job end to end on embedded defaults, with nothing to set up. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = {"Runs the platform end to end on a small synthetic retailer: generates a warehouse (customers,"
                + " products, orders, web and email events, offers, with some dirt), validates it and builds its"
                + " point-in-time features, training pairs and online snapshot, trains and evaluates the propensity model and"
                + " the segments against the baselines and the example rules, registers the model and prints the"
                + " model-vs-baselines table.",
                "Everything stays under --out; running it again replaces the warehouse and the features, and registers"
                + " a new version that the promotion gate compares with the champion of the previous run.",
                "./nbo demo without --out then goes on: it starts the service in the background, runs a simulated A/B"
                + " experiment against it (./nbo simulate-experiment: model vs rules vs control, outcomes drawn from"
                + " the generator's true customers), writes the report (./nbo export-logs, ./nbo report) and serves.",
                "See docs/experiments-demo.md.", ""},
        sortOptions = false)
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to put the demo's warehouse and features (default: nbo-work/demo under the project).")
    Path out;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "3000",
            description = "Customers to generate (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "365",
            description = "Days to simulate from 2025-01-01 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        Path root = out != null ? out : ProjectPaths.home().resolve("nbo-work/demo");
        Path warehouse = root.resolve("warehouse");
        Path features = root.resolve("features");
        Path registry = root.resolve("registry");

        System.out.println("== 1. A synthetic retailer: ./nbo generate");
        new WarehouseGenerator(System.out).generate(new GenerationSettings(customers, days, seed,
                LocalDate.of(2025, 1, 1), ProjectPaths.config("offers.yaml"), warehouse,
                Runtime.getRuntime().availableProcessors()));

        System.out.println();
        System.out.println("== 2. Features: ./nbo features");
        SparkSession spark = sparkOptions.session("nbo-demo");
        try {
            PipelineOptions options = new PipelineOptions(warehouse.toString(), features.toString(),
                    ProjectPaths.config("features.yaml"), List.of(), 4, Window.parse("30d"),
                    new NegativeSampling(0.25, 1, seed), null, true);
            new FeaturePipeline(spark, System.out).run(options).print(System.out);

            System.out.println();
            System.out.println("== 3. Training, evaluation, ONNX export, registry: ./nbo train");
            TrainingOutcome outcome = new TrainingJob(spark, System.out, System.getProperty("nbo.version", "dev"))
                    .run(new TrainingOptions(features, registry, ProjectPaths.config("training.yaml"),
                            Optional.of(ProjectPaths.config("rules.yaml")), Optional.empty(),
                            Optional.of(warehouse.resolve("offers.yaml")), Optional.empty()));
            System.out.println();
            System.out.println("Model vs baselines on the holdout (version " + outcome.version() + "):");
            RankingTable.print(System.out, outcome.ranking());
        } finally {
            spark.stop();
        }

        System.out.println();
        System.out.println("Demo done. The warehouse is in " + warehouse + ", the features in " + features
                + ", the models in " + registry + " (open the version's report.html).");
        System.out.println("Next: ./nbo features --help (your own warehouse), ./nbo import online-retail --help"
                + " (the UCI Online Retail data set), ./nbo train --help, docs/training.md.");
        return 0;
    }
}
