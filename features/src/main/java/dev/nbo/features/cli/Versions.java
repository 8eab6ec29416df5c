package dev.nbo.features.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the build's version and the Spark it runs on. */
final class Versions implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = FeaturesCli.class.getPackage().getImplementationVersion();
        return new String[] {"nbo " + (version == null ? "(development build)" : version)
                + ", Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
    }
}
