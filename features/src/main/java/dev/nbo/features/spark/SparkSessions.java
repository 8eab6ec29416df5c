package dev.nbo.features.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Creates the one {@link SparkSession} a run uses, with the settings every job of the platform relies on: UTC
 * everywhere (day windows are UTC days), Parquet timestamps as INT64 microseconds (readable by pandas, DuckDB and
 * serving's tools), adaptive execution, and no web UI unless asked for.
 *
 * <p>Under {@code spark-submit} the master and resources come from the submit command; {@code master} is only
 * applied when none is configured.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** A session for {@code master} (e.g. {@code local[*]}), or the one spark-submit configured. */
    public static SparkSession create(String appName, String master, int shufflePartitions) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (System.getProperty("spark.master") == null && master != null) {
            builder.master(master);
            if (master.startsWith("local")) {
                // a local run needs no network: don't depend on the host name resolving (CI containers)
                builder.config("spark.driver.host", "localhost").config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        return builder
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .config("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED")
                .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
                // UCI exports and pandas write nanosecond timestamps; read them as longs and convert explicitly
                .config("spark.sql.legacy.parquet.nanosAsLong", "true")
                .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
                .config("spark.ui.enabled", System.getProperty("nbo.spark.ui", "false"))
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.sources.partitionOverwriteMode", "static")
                // as_of=2025-03-10 partitions read back as text, the form the pipeline joins on
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .getOrCreate();
    }

    /** Shuffle partitions suited to the local machine: a few per core, so that tasks stay small. */
    public static int defaultShufflePartitions() {
        return Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
    }
}
