package dev.nbo.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.features.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NboCliTest {

    private static CliRun run(String... args) {
        return CliRun.of(NboCli::run, args);
    }

    @Test
    void listsEveryCommand() {
        CliRun result = run("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("demo", "generate", "import", "features", "train", "retrain", "bench");
    }

    @Test
    void everyTrainingCommandHasHelp() {
        assertThat(run("train", "--help").out()).contains("--features", "--registry", "--rules", "--promote");
        assertThat(run("retrain", "--help").out()).contains("--warehouse", "--schedule");
        assertThat(run("bench", "training", "--help").out()).contains("--features", "--batch");
    }

    @Test
    void aFolderWithoutRunJsonIsBadInputWithOneLineSayingWhatToDo(@TempDir Path dir) {
        CliRun result = run("train", "--features", dir.toString(), "--registry", dir.resolve("r").toString(),
                "--config", Path.of(System.getProperty("user.dir")).getParent().resolve("config/training.yaml")
                        .toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("run.json").contains("./nbo features").doesNotContain("Exception");
    }

    @Test
    void aBadCronExpressionIsRefusedBeforeAnyWork(@TempDir Path dir) {
        CliRun result = run("retrain", "--warehouse", dir.toString(), "--schedule", "every monday");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("every monday").contains("five-field");
    }

    @Test
    void anUnknownPromotionPolicyIsRefused(@TempDir Path dir) {
        CliRun result = run("train", "--features", dir.toString(), "--promote", "sometimes");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("sometimes");
    }
}
