package dev.nbo.experiments.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The {@code report} command: {@code report ...} writes an A/B report from a table of units,
 * {@code report --experiment ...} one of the platform's experiments from the warehouse, {@code report power ...}
 * is the sample-size calculator. Every command has {@code --help}. Exit status 0 on success, 2 on bad input (the
 * message names the flag, file, line or column), 1 when the report cannot be written.
 */
public final class ReportCli {
    static final String HELP = """
            Usage: report --units FILE.csv --arm-column C --control A --metrics m1,m2 ... --out DIR
                   report --experiment NAME --warehouse DIR [--experiments FILE] --out DIR
                   report power --baseline 0.05 (--units-per-arm N | --mde D) ...
            Run 'report --help' or 'report power --help' for the flags.
            """;

    private ReportCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("report")) {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.print(HELP);
                return 0;
            }
            err.print((args.length == 0 ? "no command given\n" : "unknown command '" + args[0] + "'\n") + HELP);
            return 2;
        }
        try {
            if (args.length > 1 && args[1].equals("power")) {
                return PowerCommand.run(Arrays.copyOfRange(args, 2, args.length), out);
            }
            if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
                // 'report --help' alone: the three forms first, then the table form's flags
                out.print(HELP.replace("Run 'report --help' or 'report power --help' for the flags.",
                        "'report --experiment --help' and 'report power --help' explain those forms.") + "\n");
            }
            if (Arrays.stream(args).anyMatch(a -> a.equals("--experiment") || a.startsWith("--experiment="))) {
                boolean help = Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
                return ExperimentReportCommand.run(help ? new String[] {"--help"}
                        : Arrays.copyOfRange(args, 1, args.length), out);
            }
            return TableReportCommand.run(Arrays.copyOfRange(args, 1, args.length), out);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Run with --help for usage.");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("report: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("report: " + e.getMessage());
            return 1;
        }
    }
}
