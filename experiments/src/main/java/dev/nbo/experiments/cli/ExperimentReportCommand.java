package dev.nbo.experiments.cli;

import dev.nbo.experiments.attribution.AttributedExperiment;
import dev.nbo.experiments.attribution.Attribution;
import dev.nbo.experiments.attribution.AttributionSummary;
import dev.nbo.experiments.attribution.Exposure;
import dev.nbo.experiments.attribution.Outcome;
import dev.nbo.experiments.config.ExperimentReportSettings;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.config.ExperimentsConfig;
import dev.nbo.experiments.config.ExperimentsConfigLoader;
import dev.nbo.experiments.report.ExperimentReport;
import dev.nbo.experiments.report.ReportEngine;
import dev.nbo.experiments.report.ReportWriter;
import dev.nbo.experiments.warehouse.ExperimentTable;
import dev.nbo.experiments.warehouse.ExportedLogs;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code report --experiment NAME --warehouse DIR ...}: one of the platform's experiments, from the tables that
 * {@code ./nbo export-logs} wrote — attributed as the service attributes it (experiments.yaml's window), analysed with
 * the experiment's control and arm shares, written as the three report files.
 */
final class ExperimentReportCommand {
    static final Set<String> FLAGS = new LinkedHashSet<>(List.of("experiment", "warehouse", "experiments", "out"));
    static final String HELP = """
            Usage: report --experiment NAME --warehouse DIR [--experiments config/experiments.yaml] --out DIR

            The A/B report of one of the platform's experiments, from the tables ./nbo export-logs wrote into
            the warehouse (decisions, email_events): outcomes attributed by request id, else to the customer's
            latest exposure within experiments.yaml's attribution window; every arm compared with the control,
            the split checked against the arms' shares. Writes report.json, report.csv and report.html into DIR.
              --experiment   the experiment's name in experiments.yaml
              --warehouse    the folder ./nbo export-logs --out wrote
              --experiments  experiments.yaml (default: config/experiments.yaml). Its blocks and offers are not
                             checked against a catalog here: the logs already say what was served
              --out          where to write the report
            Exit status: 0 done, 2 bad input (unknown experiment, missing tables, no data yet).
            """;

    private ExperimentReportCommand() {
    }

    static int run(String[] args, PrintStream out) {
        CliFlags flags = CliFlags.parse("report", args, FLAGS);
        if (flags.help()) {
            out.print(HELP);
            return 0;
        }
        String name = flags.required("experiment");
        Path warehouse = Path.of(flags.required("warehouse"));
        Path outDir = Path.of(flags.required("out"));
        ExperimentsConfig config = config(Path.of(flags.optional("experiments",
                Path.of(System.getProperty("nbo.home", ".")).resolve("config/experiments.yaml").toString())));
        ExperimentSpec experiment = config.experiment(name).orElseThrow(() -> new UsageException("report: no"
                + " experiment '" + name + "' in experiments.yaml; its experiments are "
                + config.experiments().stream().map(ExperimentSpec::name).toList()));
        for (ExperimentTable<?> table : List.of(ExperimentTable.DECISIONS, ExperimentTable.EMAIL_EVENTS)) {
            if (!Files.isRegularFile(table.file(warehouse))) {
                throw new UsageException("report: no " + table.name() + " table in " + warehouse + " ("
                        + table.file(warehouse) + " is missing); export the service's logs first: ./nbo export-logs"
                        + " --out " + warehouse);
            }
        }
        List<Exposure> exposures = ExportedLogs.exposures(warehouse, name);
        List<Outcome> outcomes = ExportedLogs.outcomes(warehouse);
        AttributedExperiment attributed;
        try {
            attributed = Attribution.attribute(experiment, exposures, outcomes, config.attributionWindow());
        } catch (IllegalStateException noData) {
            throw new UsageException("report: " + noData.getMessage() + ", then export the logs again");
        }
        ExperimentReport report = ReportEngine.analyze(attributed.units(), ExperimentReportSettings.of(experiment),
                attributed.decisions());
        ReportWriter.write(report, outDir);

        printAttribution(out, name, attributed.summary(), outcomes.size(), config);
        out.println("Report written to " + outDir.toAbsolutePath() + " (" + ReportWriter.JSON + ", "
                + ReportWriter.CSV + ", " + ReportWriter.HTML + ")");
        out.println(report.srm().message());
        for (String verdict : report.verdicts()) {
            out.println("  " + verdict);
        }
        return 0;
    }

    private static ExperimentsConfig config(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("report: cannot find " + file + "; pass --experiments FILE");
        }
        // The catalog of blocks and offers lives with the service; the logs already say what was served.
        return ExperimentsConfigLoader.load(file, block -> true, offer -> true);
    }

    private static void printAttribution(PrintStream out, String name, AttributionSummary summary, long outcomes,
                                         ExperimentsConfig config) {
        out.printf("Experiment %s: %,d exposures; customers compared %s, %,d in the holdout, %,d overridden, %,d"
                + " switched arms%n", name, summary.exposures(), summary.units(), summary.holdoutCustomers(),
                summary.overrideCustomers(), summary.armSwitches());
        out.printf("Outcomes (%,d opens, clicks and purchases in the log): %,d credited by request id, %,d within"
                + " the %d-day window, %,d of its customers unattributed%n", outcomes, summary.byRequestId(),
                summary.byWindow(), config.attributionWindow().toDays(), summary.unattributed());
    }
}
