package dev.nbo.features.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/** One run of a command line in this JVM, with what it printed; shared with the training module's CLI tests. */
public record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        return of(FeaturesCli::run, args);
    }

    /** Runs {@code cli} (e.g. {@code NboCli::run}) with {@code args}, capturing standard output and error. */
    public static CliRun of(ToIntFunction<String[]> cli, String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = cli.applyAsInt(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
