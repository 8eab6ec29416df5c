package dev.nbo.serving.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionWriterTest {
    @TempDir
    Path folder;

    private static DecisionRecord decision(int i) {
        return new DecisionRecord("r" + i, Instant.parse("2026-03-01T10:00:00Z").plusMillis(i), "C" + i, "hero",
                "model", List.of(new ScoredOffer("OFF-1", 0.5)), List.of("OFF-1"), "v1");
    }

    private static List<String> requestIds(DecisionLog log) {
        List<String> ids = new ArrayList<>();
        log.replay(d -> ids.add(d.requestId()));
        return ids;
    }

    @Test
    void decisionsArrivingWithinTheLingerShareOneWriteAndFsync() throws InterruptedException {
        FileAppendLog file = FileAppendLog.open(folder);
        try (DecisionLog log = new DecisionLog(file)) {
            // two bursts 100 ms apart: without the linger the first is written before the second arrives
            try (DecisionWriter writer = new DecisionWriter(log, Duration.ofSeconds(2))) {
                for (int i = 0; i < 100; i++) {
                    writer.accept(decision(i));
                }
                Thread.sleep(100);
                for (int i = 100; i < 200; i++) {
                    writer.accept(decision(i));
                }
                writer.flush();

                assertThat(file.commits()).as("one fsync for the whole burst").isEqualTo(1);
                assertThat(requestIds(log)).hasSize(200).startsWith("r0", "r1").endsWith("r199");
            }
        }
    }

    @Test
    void withoutLingerABatchIsWhatIsQueuedWhenTheWriterWakes() {
        FileAppendLog file = FileAppendLog.open(folder);
        try (DecisionLog log = new DecisionLog(file);
             DecisionWriter writer = new DecisionWriter(log, Duration.ZERO)) {
            writer.accept(decision(0));
            writer.flush();
            writer.accept(decision(1));
            writer.flush();

            assertThat(file.commits()).isEqualTo(2);
            assertThat(requestIds(log)).containsExactly("r0", "r1");
        }
    }

    @Test
    void aFlushUnderSteadyTrafficEndsOnceTheDecisionsBeforeItAreWritten() throws Exception {
        try (DecisionLog log = DecisionLog.open(folder);
             DecisionWriter writer = new DecisionWriter(log, Duration.ofMillis(20))) {
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            // decisions as fast as the writer takes them, for up to 20 s: the queue never runs dry, so a flush that
            // waited for it to would wait for the traffic to end
            Thread traffic = new Thread(() -> {
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!stop.get() && System.nanoTime() < end) {
                    writer.accept(decision(sent.getAndIncrement()));
                }
            });
            traffic.start();
            Thread.sleep(200);
            int before = sent.get();

            writer.flush();

            boolean trafficStillRunning = traffic.isAlive();
            stop.set(true);
            traffic.join();
            assertThat(trafficStillRunning).as("the flush ended while decisions kept coming").isTrue();
            List<String> written = requestIds(log);
            assertThat(written.size()).isGreaterThanOrEqualTo(before);
            assertThat(written.subList(0, before)).as("every decision accepted before the flush")
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, before).mapToObj(i -> "r" + i)
                            .toList());
        }
    }

    @Test
    void closeWritesTheDecisionsStillLingering() {
        try (DecisionLog log = DecisionLog.open(folder)) {
            DecisionWriter writer = new DecisionWriter(log, Duration.ofMillis(500));
            for (int i = 0; i < 10; i++) {
                writer.accept(decision(i));
            }
            writer.close();

            assertThat(requestIds(log)).hasSize(10);
        }
    }
}
