package dev.nbo.features.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the build's version and the Spark it runs on. */
public final class Versions implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = System.getProperty("nbo.version");
        return new String[] {"nbo " + (version == null ? "(version unknown: not started by ./nbo)" : version)
                + ", Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
    }
}
