package dev.nbo.training.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.features.cli.CliRun;
import dev.nbo.training.cli.NboCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateExperimentCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(NboCli::run, args);
    }

    @Test
    void isListedAndExplainsEveryFlag() {
        assertThat(run("--help").out()).contains("simulate-experiment");
        assertThat(run("simulate-experiment", "--help").out()).contains("--server", "--key", "--warehouse", "--block",
                "--sends", "--seed", "--customers", "--clock", "--snapshot", "http://127.0.0.1:7070", "nbo-demo-key",
                "recommended-for-you");
    }

    @Test
    void aWarehouseWithoutGenerationJsonIsRefusedSayingWhatToRun(@TempDir Path dir) {
        CliRun result = run("simulate-experiment", "--warehouse", dir.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains(dir.toString(), "generation.json", "./nbo generate")
                .doesNotContain("Exception");
    }

    @Test
    void anUnfinishedGenerationIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("generation.json"), "{\"generator\": \"nbo generate\", \"status\": \"incomplete\"}");

        CliRun result = run("simulate-experiment", "--warehouse", dir.toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("incomplete", "./nbo generate");
    }

    /** A warehouse folder as far as the simulation reads it: generation.json and the offer catalog. */
    private static Path generated(Path dir) throws IOException {
        Path offers = Path.of(System.getProperty("user.dir")).getParent().resolve("config/offers.yaml");
        Files.copy(offers, dir.resolve("offers.yaml"));
        Files.writeString(dir.resolve("generation.json"), """
                {"generator": "nbo generate", "status": "complete",
                 "parameters": {"customers": 10, "days": 30, "seed": 1, "start": "2025-01-01"}}""");
        return dir;
    }

    @Test
    void aMissingOnlineSnapshotIsRefusedNamingTheFlags(@TempDir Path dir) throws IOException {
        generated(dir);

        CliRun result = run("simulate-experiment", "--warehouse", dir.toString(), "--snapshot",
                dir.resolve("nowhere").toString());

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("nowhere", "--snapshot", "--clock wall");
    }

    @Test
    void badFlagValuesAreRefusedWithTheValue(@TempDir Path dir) throws IOException {
        generated(dir);
        assertThat(run("simulate-experiment", "--customers", "some", "--warehouse", dir.toString()).err())
                .contains("--customers", "'some'");
        assertThat(run("simulate-experiment", "--sends", "0", "--warehouse", dir.toString()).err())
                .contains("--sends", "0");
        assertThat(run("simulate-experiment", "--server", "localhost:7070", "--warehouse", dir.toString()).err())
                .contains("--server", "localhost:7070");
        CliRun sundial = run("simulate-experiment", "--clock", "sundial", "--warehouse", dir.toString());
        assertThat(sundial.code()).isEqualTo(2);
        assertThat(sundial.err()).contains("--clock", "'sundial'");
    }
}
