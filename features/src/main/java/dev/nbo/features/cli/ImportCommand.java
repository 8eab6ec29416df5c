package dev.nbo.features.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nbo import}: the importers of public data sets; alone, it lists them. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a public retail data set into a warehouse folder that ./nbo features reads.",
        subcommands = {
                ImportOnlineRetailCommand.class,
        })
public final class ImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
