package dev.nbo.serving.cli;

import dev.nbo.experiments.warehouse.ExperimentTable;
import dev.nbo.serving.app.ServingConfig;
import dev.nbo.serving.export.LogExport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nbo export-logs}: the decision and event logs of serving.yaml as Parquet tables of a warehouse folder. */
@Command(name = "export-logs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the service's decision log and event log as Parquet tables under --out: decisions,"
                + " decision_candidates and email_events (docs/experiments.md, \"Exporting the logs\"), for the Spark"
                + " pipeline and ./nbo report --experiment. Each export is a full snapshot of the logs and replaces"
                + " the previous one. The logs are only read, so the server may keep running.", ""})
public final class ExportLogsCommand implements Callable<Integer> {
    /** Progress is printed after every this many records of a log. */
    static final long PROGRESS_EVERY = 1_000_000;

    @Option(names = "--config", paramLabel = "FILE",
            description = "serving.yaml whose logs.dir holds the logs (default: config/serving.yaml).")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The warehouse folder to write the tables into (created if needed).")
    Path out;

    @Option(names = "--progress-every", hidden = true, defaultValue = "" + PROGRESS_EVERY)
    long progressEvery;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command with its error handling: a bad input exits 2 with the message, a bug 1 with the stack trace. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ExportLogsCommand());
        commandLine.setExecutionExceptionHandler((e, cl, parse) -> {
            PrintWriter err = cl.getErr();
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                err.println("nbo export-logs: " + e.getMessage());
                err.flush();
                return 2;
            }
            err.println("nbo export-logs failed: " + e);
            e.printStackTrace(err);
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        Path file = config != null ? config : Path.of(System.getProperty("nbo.home", ".")).resolve(
                "config/serving.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot find " + file + "; pass --config FILE (see docs/serving.md)");
        }
        Path logs = ServingConfig.load(file).logDir();
        Path decisions = logs.resolve("decisions");
        Path events = logs.resolve("events");
        requireLog(decisions, "decision log", file);
        requireLog(events.resolve("log"), "event log", file);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Exporting the logs in " + logs + " to " + out + " (a full snapshot, replacing the previous"
                + " export)");
        stdout.flush();
        LogExport.Summary summary = LogExport.run(decisions, events, out, progressEvery, (log, read) -> {
            stdout.printf("  %s: %,d records read%n", log, read);
            stdout.flush();
        });
        stdout.printf("%-20s %,12d rows  %s%n", ExperimentTable.DECISIONS.name(), summary.decisions(),
                ExperimentTable.DECISIONS.file(out));
        stdout.printf("%-20s %,12d rows  %s%n", ExperimentTable.DECISION_CANDIDATES.name(), summary.candidates(),
                ExperimentTable.DECISION_CANDIDATES.file(out));
        stdout.printf("%-20s %,12d rows  %s%n", ExperimentTable.EMAIL_EVENTS.name(), summary.events(),
                ExperimentTable.EMAIL_EVENTS.file(out));
        stdout.flush();
        return 0;
    }

    private static void requireLog(Path folder, String what, Path config) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no " + what + " at " + folder + " (logs.dir of " + config + "): the"
                    + " server creates it when it starts; start it once with ./nbo serve --config " + config
                    + ", or pass the --config of the server whose logs to export");
        }
    }
}
