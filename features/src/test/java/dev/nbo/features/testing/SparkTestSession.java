package dev.nbo.features.testing;

import dev.nbo.features.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** The one local SparkSession every Spark test of a test JVM shares (starting one takes seconds). */
public final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSessions.create("nbo-tests", "local[2]", 4);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
