package dev.nbo.training.cli;

import dev.nbo.features.cli.CliExecution;
import dev.nbo.features.cli.FeaturesCommand;
import dev.nbo.features.cli.GenerateCommand;
import dev.nbo.features.cli.ImportCommand;
import dev.nbo.features.cli.Versions;
import dev.nbo.training.simulate.SimulateExperimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every {@code ./nbo} command that runs on the JVM with Spark and Tribuo. Errors caused by the user's input print one
 * line saying what to fix, without a stack trace (exit code 2); failures print the cause (exit code 1).
 */
@Command(name = "nbo",
        mixinStandardHelpOptions = true,
        versionProvider = Versions.class,
        description = "NBO: next-best-offer for email — features, training, evaluation, simulated experiments.",
        subcommands = {
                DemoCommand.class,
                GenerateCommand.class,
                ImportCommand.class,
                FeaturesCommand.class,
                TrainCommand.class,
                RetrainCommand.class,
                SimulateExperimentCommand.class,
                BenchCommand.class,
        })
public final class NboCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code: 0 done, 1 failure, 2 bad input. */
    public static int run(String... args) {
        return CliExecution.execute(new NboCli(), args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
