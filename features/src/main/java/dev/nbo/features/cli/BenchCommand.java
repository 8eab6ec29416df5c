package dev.nbo.features.cli;

import picocli.CommandLine.Command;

/** {@code nbo bench}: lists the benchmarks of this module. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Benchmarks. Results are written to docs/benchmarks.md by hand, with the command, the machine"
                + " and the date.",
        subcommands = BenchFeaturesCommand.class)
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
