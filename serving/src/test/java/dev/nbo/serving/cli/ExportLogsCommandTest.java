package dev.nbo.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.serving.export.LogExportFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportLogsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = ExportLogsCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    private Path config(String logsDir) throws IOException {
        return Files.writeString(dir.resolve("serving.yaml"), """
                version: 1
                paths:
                  spec: features.yaml
                  offers: offers.yaml
                  blocks: blocks.yaml
                  registry: registry
                  online_snapshot: online
                logs:
                  dir: %s
                """.formatted(logsDir));
    }

    @Test
    void exportsTheLogsOfTheConfigAndPrintsRowsPerTable() throws IOException {
        LogExportFixtures.writeLogs(dir.resolve("logs"));
        Path warehouse = dir.resolve("warehouse");

        int code = run("--config", config("logs").toString(), "--out", warehouse.toString(), "--progress-every", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("decision log: 2 records read")
                .containsPattern("decisions +3 rows  "
                        + Pattern.quote(warehouse.resolve("decisions/part-00000.parquet").toString()))
                .containsPattern("decision_candidates +4 rows")
                .containsPattern("email_events +3 rows");
        assertThat(warehouse.resolve("email_events/part-00000.parquet")).isRegularFile();
    }

    @Test
    void refusesLogsThatAreNotThereAndSaysWhy() throws IOException {
        int code = run("--config", config("no-logs-here").toString(), "--out", dir.resolve("w").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nbo export-logs: no decision log at " + dir.resolve("no-logs-here")
                .resolve("decisions")).contains("./nbo serve --config");
        assertThat(dir.resolve("w")).doesNotExist();
    }

    @Test
    void refusesAMissingConfig() {
        int code = run("--config", dir.resolve("nope.yaml").toString(), "--out", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot find " + dir.resolve("nope.yaml"));
    }

    @Test
    void needsOut() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    }
}
