package dev.nbo.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NboCliTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = NboCli.run(args);
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void listsEveryCommand() {
        Result result = run("--help");
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
        Result result = run("train", "--features", dir.toString(), "--registry", dir.resolve("r").toString(),
                "--config", Path.of(System.getProperty("user.dir")).getParent().resolve("config/training.yaml")
                        .toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("run.json").contains("./nbo features").doesNotContain("Exception");
    }

    @Test
    void aBadCronExpressionIsRefusedBeforeAnyWork(@TempDir Path dir) {
        Result result = run("retrain", "--warehouse", dir.toString(), "--schedule", "every monday");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("every monday").contains("five-field");
    }

    @Test
    void anUnknownPromotionPolicyIsRefused(@TempDir Path dir) {
        Result result = run("train", "--features", dir.toString(), "--promote", "sometimes");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("sometimes");
    }
}
