package dev.nbo.serving.export;

import java.nio.file.Path;

/** Real logs for the command's tests: {@code <logs>/decisions} and {@code <logs>/events} as the server lays them out. */
public final class LogExportFixtures {
    private LogExportFixtures() {
    }

    public static void writeLogs(Path logs) {
        LogExportTest.writeDecisions(logs.resolve("decisions"));
        LogExportTest.writeEvents(logs.resolve("events"));
    }
}
