package dev.nbo.features.testing;

import dev.nbo.features.spark.Progress;
import java.io.OutputStream;
import java.io.PrintStream;

/** Progress output tests do not print. */
public final class QuietProgress {
    private QuietProgress() {
    }

    public static Progress create() {
        return new Progress(silent(), 100);
    }

    public static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
