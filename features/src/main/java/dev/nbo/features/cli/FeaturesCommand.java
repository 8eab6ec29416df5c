package dev.nbo.features.cli;

import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.pipeline.FeaturePipeline;
import dev.nbo.features.pipeline.PipelineOptions;
import dev.nbo.models.feature.Window;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbo features}: warehouse to validated tables, snapshots, training pairs and the online snapshot. */
@Command(name = "features", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = {
                "Builds features from a warehouse: validates every table (bad rows go to quarantine/ with a reason), "
                        + "computes point-in-time snapshots of every feature in the spec at each as-of date, training "
                        + "pairs (customer x offer x as-of date; label = bought the offer's target within the "
                        + "horizon), and the online snapshot serving loads.",
                "Runs on Spark: local by default, or under spark-submit on a cluster (see features/README.md). "
                        + "Paths may be local folders or s3a:// and hdfs:// URLs.", ""},
        sortOptions = false)
public final class FeaturesCommand implements Callable<Integer> {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR", description = "The warehouse folder (Parquet tables).")
    String warehouse;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the outputs (replaced).")
    String out;

    @Option(names = "--spec", paramLabel = "FILE", description = "Feature definitions (default: config/features.yaml).")
    Path spec;

    @Option(names = "--as-of", paramLabel = "DATE", split = ",",
            description = "As-of date(s), YYYY-MM-DD; repeat or separate with commas. Default: --as-of-count dates,"
                    + " one horizon apart, the newest one horizon before the data ends.")
    List<LocalDate> asOf = new ArrayList<>();

    @Option(names = "--as-of-count", paramLabel = "N", defaultValue = "4",
            description = "How many as-of dates to choose when --as-of is not given (default: ${DEFAULT-VALUE}).")
    int asOfCount;

    @Option(names = "--horizon", paramLabel = "DAYS", defaultValue = "30d",
            description = "Label window after each as-of date (default: ${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--negative-rate", paramLabel = "R", defaultValue = "0.25",
            description = "Share of negative pairs kept on sampled dates, weighted 1/R (default: ${DEFAULT-VALUE}).")
    double negativeRate;

    @Option(names = "--unsampled-newest", paramLabel = "N", defaultValue = "1",
            description = "Newest as-of dates that keep every candidate, for ranking evaluation (default: ${DEFAULT-VALUE}).")
    int unsampledNewest;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of negative sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--online-as-of", paramLabel = "DATE",
            description = "As-of date of the online snapshot (default: the day after the newest row).")
    LocalDate onlineAsOf;

    @Option(names = "--no-online", description = "Skip the online snapshot.")
    boolean noOnline;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        Window horizonWindow;
        try {
            horizonWindow = Window.parse(horizon);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--horizon: " + e.getMessage());
        }
        PipelineOptions options = new PipelineOptions(warehouse, out,
                spec != null ? spec : ProjectPaths.config("features.yaml"), asOf, asOfCount, horizonWindow,
                new NegativeSampling(negativeRate, unsampledNewest, seed), onlineAsOf, !noOnline);
        SparkSession spark = sparkOptions.session("nbo-features");
        try {
            new FeaturePipeline(spark, System.out).run(options).print(System.out);
            return 0;
        } finally {
            spark.stop();
        }
    }
}
