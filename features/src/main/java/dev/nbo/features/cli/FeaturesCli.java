package dev.nbo.features.cli;

import java.io.PrintWriter;
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
        CommandLine commandLine = new CommandLine(new FeaturesCli());
        commandLine.setExecutionExceptionHandler(FeaturesCli::handle);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println("nbo " + commandLine.getCommandName() + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        err.println("nbo " + commandLine.getCommandName() + " failed: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
