package dev.nbo.training.cli;

import dev.nbo.features.cli.BenchFeaturesCommand;
import dev.nbo.features.cli.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nbo bench <part>}: the benchmarks whose figures go to docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Benchmarks: run one part, read its figures, record them in docs/benchmarks.md.",
        subcommands = {BenchFeaturesCommand.class, BenchTrainingCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
