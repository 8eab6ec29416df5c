package dev.nbo.features.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * How every NBO command line runs: errors caused by the user's input ({@link IllegalArgumentException}) print one
 * line saying what to fix, without a stack trace, and exit with 2; any other failure prints its cause and exits
 * with 1.
 */
public final class CliExecution {
    private CliExecution() {
    }

    /** Runs {@code command} (a picocli command object) on {@code args} and returns the exit code. */
    public static int execute(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(CliExecution::handle);
        return commandLine.execute(args);
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
