package dev.nbo.serving.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTest {
    @TempDir
    Path folder;

    @Test
    void decisionsReadBackAsWrittenAfterReopen() {
        DecisionRecord modelDecision = decision("r1", "C1", "arm-model", "nbo-1.3");
        DecisionRecord rulesDecision = new DecisionRecord("r2", Instant.parse("2026-03-01T10:00:01Z"), "C2", "footer",
                "rules", List.of(new ScoredOffer("OFF-9", 1.0)), List.of("OFF-9"), null);
        try (DecisionLog log = DecisionLog.open(folder)) {
            assertThat(log.append(modelDecision)).isEqualTo(0);
            assertThat(log.append(rulesDecision)).isEqualTo(1);
        }
        try (DecisionLog log = DecisionLog.open(folder)) {
            assertThat(read(log)).containsExactly(modelDecision, rulesDecision);
        }
    }

    @Test
    void eraseRemovesTheCustomerIdFromTheFilesAndKeepsTheRestOfTheDecision() throws Exception {
        try (DecisionLog log = DecisionLog.open(folder)) {
            log.append(decision("r1", "alice@example.com", "arm-a", "v1"));
            log.append(decision("r2", "bob", "arm-a", "v1"));
            log.append(decision("r3", "alice@example.com", null, "v2"));

            assertThat(log.erase("alice@example.com")).isEqualTo(2);
            log.append(decision("r4", "bob", "arm-b", "v2"));
        }
        try (var segments = Files.list(folder)) {
            for (Path segment : segments.toList()) {
                assertThat(new String(Files.readAllBytes(segment), StandardCharsets.UTF_8))
                        .doesNotContain("alice@example.com").contains("bob");
            }
        }
        try (DecisionLog log = DecisionLog.open(folder)) {
            List<DecisionRecord> decisions = read(log);
            assertThat(decisions).extracting(DecisionRecord::requestId).containsExactly("r1", "r2", "r3", "r4");
            assertThat(decisions).extracting(DecisionRecord::customerId).containsExactly(null, "bob", null, "bob");
            assertThat(decisions.get(0).erased()).isTrue();
            assertThat(decisions.get(0).candidates()).isEqualTo(decision("r1", "x", "arm-a", "v1").candidates());
            assertThat(decisions.get(0).chosen()).containsExactly("OFF-2");
            assertThat(decisions.get(2).modelVersion()).isEqualTo("v2");
        }
    }

    @Test
    void erasingAnUnknownCustomerChangesNothing() {
        try (DecisionLog log = DecisionLog.open(folder)) {
            DecisionRecord kept = decision("r1", "C1", null, "v1");
            log.append(kept);
            assertThat(log.erase("C404")).isZero();
            assertThat(read(log)).containsExactly(kept);
        }
    }

    @Test
    void aDecisionWithoutRequestIdOrCustomerIsRefused() {
        assertThatThrownBy(() -> decision(" ", "C1", null, "v1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request id");
        try (DecisionLog log = DecisionLog.open(folder)) {
            assertThatThrownBy(() -> log.append(decision("r1", null, null, "v1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no customer id");
        }
    }

    @Test
    void aNonFiniteScoreIsRefused() {
        assertThatThrownBy(() -> new ScoredOffer("OFF-1", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OFF-1").hasMessageContaining("NaN");
    }

    @Test
    void replayingAfterATimeSkipsTheSegmentsOfOlderDecisionsOnly() {
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        List<DecisionRecord> written = new ArrayList<>();
        try (DecisionLog log = new DecisionLog(FileAppendLog.open(folder, 1024))) {
            for (int i = 0; i < 40; i++) {
                DecisionRecord decision = new DecisionRecord("r" + i, start.plusSeconds(3600L * i), "C" + i, "hero",
                        "model", List.of(new ScoredOffer("OFF-1", 0.5)), List.of("OFF-1"), "nbo-1");
                log.append(decision);
                written.add(decision);
            }
        }
        try (DecisionLog log = new DecisionLog(FileAppendLog.open(folder, 1024))) {
            long after = Window.micros(start.plusSeconds(3600L * 29));
            List<DecisionRecord> replayed = new ArrayList<>();
            log.replayAfter(after, replayed::add);

            assertThat(replayed).as("every decision after the time, in order").endsWith(
                    written.subList(30, 40).toArray(DecisionRecord[]::new));
            assertThat(replayed).as("whole segments of older decisions skipped").hasSizeLessThan(25);
            List<DecisionRecord> all = new ArrayList<>();
            log.replayAfter(Window.micros(start) - 1, all::add);
            assertThat(all).isEqualTo(written);
        }
    }

    @Test
    void replayingAfterATimeReadsNothingFromAnEmptyLog() {
        try (DecisionLog log = DecisionLog.open(folder)) {
            List<DecisionRecord> replayed = new ArrayList<>();
            log.replayAfter(0, replayed::add);
            assertThat(replayed).isEmpty();
        }
    }

    @Test
    void deleteBeforeDropsTheSegmentsOfOlderDecisionsAndKeepsEveryLaterOne() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (DecisionLog log = new DecisionLog(FileAppendLog.open(folder, 1024))) {
            for (int day = 0; day < 100; day++) {
                log.append(new DecisionRecord("r" + day, start.plus(java.time.Duration.ofDays(day)), "C" + day,
                        "hero", "model", List.of(new ScoredOffer("OFF-1", 0.5)), List.of("OFF-1"), "v1"));
            }
            Instant cutoff = start.plus(java.time.Duration.ofDays(50));

            long deleted = log.deleteBefore(Window.micros(cutoff));

            List<DecisionRecord> left = read(log);
            assertThat(deleted).isPositive().isEqualTo(100 - left.size());
            assertThat(left).extracting(DecisionRecord::requestId).as("every decision from the cutoff on")
                    .containsSubsequence("r50", "r99");
            assertThat(left.get(0).time()).as("the kept segment may start a little before the cutoff")
                    .isBefore(cutoff).isAfter(cutoff.minus(java.time.Duration.ofDays(10)));
            assertThat(log.deleteBefore(Window.micros(cutoff))).as("nothing more to delete").isZero();
            assertThat(log.deleteBefore(Window.micros(start))).isZero();
        }
    }

    private static DecisionRecord decision(String requestId, String customerId, String arm, String model) {
        List<ScoredOffer> candidates = List.of(new ScoredOffer("OFF-2", 0.73), new ScoredOffer("OFF-1", 0.41));
        Instant time = Instant.parse("2026-03-01T10:00:00.250Z");
        if (arm == null) {
            return new DecisionRecord(requestId, time, customerId, "hero", "model", candidates, List.of("OFF-2"),
                    model);
        }
        return new DecisionRecord(requestId, time, customerId, "hero", "model", arm, candidates, List.of("OFF-2"),
                model, "hero-test", 0.5, false, java.util.Map.of(arm, "OFF-2", "arm-rules", "OFF-1"));
    }

    private static List<DecisionRecord> read(DecisionLog log) {
        List<DecisionRecord> out = new ArrayList<>();
        log.replay(out::add);
        return out;
    }
}
