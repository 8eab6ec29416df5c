package dev.nbo.serving.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionRecord;
import dev.nbo.serving.log.FileAppendLog;
import dev.nbo.serving.log.ScoredOffer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs.decision_retention_days}: the server deletes older decisions, and refuses a retention under a cap. */
class DecisionRetentionIT {
    @TempDir
    Path dir;

    private Path config(String logs) throws Exception {
        Path config = TestWorld.create(dir);
        String yaml = Files.readString(config).replace("clock: snapshot", "clock: wall");
        return Files.writeString(config, yaml.replace("logs: {dir: " + dir.resolve("logs") + "}", logs));
    }

    private static ServingServer start(Path config) {
        return ServingServer.start(ServingConfig.load(config), new PrintStream(OutputStream.nullOutputStream()));
    }

    @Test
    void decisionsOlderThanTheRetentionAreDeletedWhenTheServerStarts() throws Exception {
        Path config = config("logs: {dir: " + dir.resolve("logs") + ", decision_retention_days: 30}");
        Path decisions = dir.resolve("logs/decisions");
        Instant now = Instant.now();
        // a year of decisions, one every 5 days, in segments of a few decisions (about 20 days) each
        try (DecisionLog log = new DecisionLog(FileAppendLog.open(decisions, 1024))) {
            for (int day = 365; day >= 0; day -= 5) {
                log.append(new DecisionRecord("r" + day, now.minus(Duration.ofDays(day)), "C-RUNNER",
                        "recommended-for-you", "model", List.of(new ScoredOffer("run-10", 0.5)), List.of("run-10"),
                        "v1"));
            }
        }

        String metrics;
        try (ServingServer server = start(config)) {
            // the retention runs at start, on the maintenance thread; its counter moves once the deletion is done
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                Thread.sleep(50);
                metrics = metrics(server);
            } while (metrics.contains("nbo_decisions_deleted_total 0.0") && System.nanoTime() < deadline);
        }

        List<DecisionRecord> left = new ArrayList<>();
        DecisionLog.read(decisions, left::add);
        int written = 365 / 5 + 1;
        assertThat(metrics).contains("nbo_decisions_deleted_total " + (double) (written - left.size()))
                .contains("nbo_decision_log_backlog 0.0");
        // the segment holding the cutoff stays whole, so its older decisions stay too: at most a segment's span
        assertThat(left.get(0).time()).as("no segment of decisions all older than the retention is left")
                .isAfter(now.minus(Duration.ofDays(60)));
        assertThat(left).extracting(DecisionRecord::requestId).as("every decision inside the retention")
                .contains("r25", "r20", "r15", "r10", "r5", "r0");
    }

    @Test
    void aRetentionShorterThanTheLongestFrequencyCapIsRefused() throws Exception {
        // config/blocks.yaml caps per 7 and per 14 days
        Path config = config("logs: {dir: " + dir.resolve("logs") + ", decision_retention_days: 3}");

        assertThatThrownBy(() -> start(config)).hasMessageContaining("logs.decision_retention_days (3)")
                .hasMessageContaining("longest frequency cap window of the blocks (14 days)");
    }

    @Test
    void aRetentionUnderOneDayIsRefusedWhenTheConfigIsRead() throws Exception {
        Path config = config("logs: {dir: " + dir.resolve("logs") + ", decision_retention_days: 0}");

        assertThatThrownBy(() -> ServingConfig.load(config)).hasMessageContaining("decision_retention_days must be"
                + " at least 1");
    }

    private static String metrics(ServingServer server) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + server.port() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
