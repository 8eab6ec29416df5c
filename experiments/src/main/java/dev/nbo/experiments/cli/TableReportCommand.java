package dev.nbo.experiments.cli;

import dev.nbo.experiments.report.ExperimentReport;
import dev.nbo.experiments.report.ReportEngine;
import dev.nbo.experiments.report.ReportSettings;
import dev.nbo.experiments.report.ReportWriter;
import dev.nbo.experiments.report.UnitColumns;
import dev.nbo.experiments.report.UnitTable;
import dev.nbo.experiments.report.UnitTableReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code report --units FILE ...}: reads a table of units, analyses it and writes the three report files. */
final class TableReportCommand {
    static final Set<String> FLAGS = new LinkedHashSet<>(List.of("units", "arm-column", "control", "metrics", "binary",
            "covariate", "time-column", "weights", "title", "confidence", "srm-alpha", "out"));
    static final String HELP = """
            Usage: report --units FILE.csv --arm-column C --control A --metrics m1,m2 [--binary m1,...]
                          [--covariate c] [--time-column t] [--weights a=0.5,b=0.5] [--title T]
                          [--confidence 0.95] [--srm-alpha 0.001] --out DIR

            Analyses an A/B test from a table with one row per unit (customer) and writes report.json,
            report.csv and report.html into DIR.
              --units        the table: CSV with a header row (RFC 4180 quoting), or Parquet (.parquet)
              --arm-column   column holding each unit's arm
              --control      the arm the others are compared with
              --metrics      metric columns, comma-separated
              --binary       which of them are 0/1 (also true/false); the others are continuous
              --covariate    a pre-experiment column; turns CUPED variance reduction on
              --time-column  when each unit entered (ISO-8601 instant or date); draws the lift over time
              --weights      the configured split, for the sample-ratio-mismatch check (default: equal)
              --title        report title (default: the file name)
              --confidence   of every interval (default 0.95)
              --srm-alpha    split-check p-value below which the split is declared broken (default 0.001)
            Empty cells are missing values. Exit status: 0 done, 2 bad input.
            """;

    private TableReportCommand() {
    }

    static int run(String[] args, PrintStream out) {
        CliFlags flags = CliFlags.parse("report", args, FLAGS);
        if (flags.help()) {
            out.print(HELP);
            return 0;
        }
        Path units = Path.of(flags.required("units"));
        List<String> metrics = list(flags.required("metrics"));
        Set<String> binary = new LinkedHashSet<>(list(flags.optional("binary", "")));
        for (String name : binary) {
            if (!metrics.contains(name)) {
                throw new UsageException("report: --binary names '" + name + "', which is not in --metrics "
                        + metrics);
            }
        }
        String covariate = flags.optional("covariate", null);
        ReportSettings settings = settings(flags, units, covariate != null);
        Path outDir = Path.of(flags.required("out"));

        UnitTableReader reader = UnitTableReader.forFile(units);
        UnitTable table;
        try {
            table = reader.read(units, new UnitColumns(flags.required("arm-column"), metrics, binary, covariate,
                    flags.optional("time-column", null)));
        } catch (NoSuchFileException e) {
            throw new UsageException("report: --units file " + units + " does not exist");
        } catch (IOException e) {
            throw new UsageException("report: cannot read --units file " + units + ": " + e.getMessage());
        }
        ExperimentReport report = ReportEngine.analyze(table, settings, List.of());
        ReportWriter.write(report, outDir);

        out.println("Report written to " + outDir.toAbsolutePath() + " (" + ReportWriter.JSON + ", "
                + ReportWriter.CSV + ", " + ReportWriter.HTML + ")");
        out.println(report.srm().message());
        for (String verdict : report.verdicts()) {
            out.println("  " + verdict);
        }
        return 0;
    }

    private static ReportSettings settings(CliFlags flags, Path units, boolean cuped) {
        String title = flags.optional("title", "A/B report: " + units.getFileName());
        try {
            return new ReportSettings(title, flags.required("control"), weights(flags.optional("weights", "")), cuped,
                    flags.number("confidence", ReportSettings.DEFAULT_CONFIDENCE),
                    flags.number("srm-alpha", ReportSettings.DEFAULT_SRM_ALPHA));
        } catch (IllegalArgumentException e) {
            throw new UsageException("report: " + e.getMessage());
        }
    }

    private static Map<String, Double> weights(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : list(text)) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new UsageException("report: --weights takes arm=weight pairs like a=0.5,b=0.5, got '" + pair
                        + "'");
            }
            try {
                weights.put(parts[0].strip(), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new UsageException("report: --weights: weight of arm '" + parts[0].strip()
                        + "' is not a number: '" + parts[1] + "'");
            }
        }
        return weights;
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }
}
