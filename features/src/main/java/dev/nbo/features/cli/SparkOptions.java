package dev.nbo.features.cli;

import dev.nbo.features.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Spark options shared by the commands that run Spark. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: ${DEFAULT-VALUE}; ignored under spark-submit, which sets its own).",
            defaultValue = "local[*]")
    String master;

    @Option(names = "--shuffle-partitions", paramLabel = "N",
            description = "Spark shuffle partitions (default: 4 per core; raise it on a cluster).")
    Integer shufflePartitions;

    public SparkSession session(String appName) {
        int partitions = shufflePartitions == null ? SparkSessions.defaultShufflePartitions() : shufflePartitions;
        if (partitions < 1) {
            throw new IllegalArgumentException("--shuffle-partitions " + partitions + " must be at least 1");
        }
        return SparkSessions.create(appName, master, partitions);
    }
}
