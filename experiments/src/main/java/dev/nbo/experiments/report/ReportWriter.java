package dev.nbo.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report.json, report.csv and report.html into a folder (created if needed), each atomically. */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String CSV = "report.csv";
    public static final String HTML = "report.html";

    private ReportWriter() {
    }

    /** @throws UncheckedIOException naming the file that could not be written */
    public static void write(ExperimentReport report, Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create report folder " + outDir + ": " + e.getMessage(), e);
        }
        write(outDir.resolve(JSON), ReportJson.bytes(report));
        write(outDir.resolve(CSV), CsvReport.render(report).getBytes(StandardCharsets.UTF_8));
        write(outDir.resolve(HTML), HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] content) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
