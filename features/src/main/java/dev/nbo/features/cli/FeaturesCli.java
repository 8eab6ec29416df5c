package dev.nbo.features.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands of the features module, run by {@code ./nbo} (or by {@code spark-submit} with this class as the
 * main class). Errors caused by the user's input print one line saying what to fix, without a stack trace.
 */
@Command(name = "nbo",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "NBO feature pipeline: synthetic and imported warehouses, point-in-time features.",
        subcommands = {
                GenerateCommand.class,
                ImportCommand.class,
                FeaturesCommand.class,
                BenchCommand.class,
        })
public final class FeaturesCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code: 0 done, 1 failure, 2 bad input. */
    public static int run(String... args) {
        return CliExecution.execute(new FeaturesCli(), args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
