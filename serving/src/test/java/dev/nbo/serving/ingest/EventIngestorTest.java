package dev.nbo.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.aggregate.SourceRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventIngestorTest {
    static final Clock CLOCK = Clock.fixed(EventBatchTest.RECEIVED, ZoneOffset.UTC);

    @TempDir
    Path folder;

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A sink that keeps what it got, in order; it fails while {@code failing} is set. */
    static class RecordingSink implements EventSink {
        final List<String> applied = Collections.synchronizedList(new ArrayList<>());
        final List<SourceRow> stagedRows = Collections.synchronizedList(new ArrayList<>());
        final List<SourceRow> appliedRows = Collections.synchronizedList(new ArrayList<>());
        volatile boolean failing;

        @Override
        public void apply(List<SourceRow> rows) {
            if (failing) {
                throw new IllegalStateException("store unavailable");
            }
            rows.forEach(row -> applied.add(row.rowKey()));
            appliedRows.addAll(rows);
        }

        @Override
        public void stage(List<SourceRow> rows) {
            stagedRows.addAll(rows);
        }
    }

    /**
     * A write-back sink: {@code applyBehind} keeps rows in memory ({@code held}), {@code flush} makes them durable
     * ({@code applied}, with the position); it fails to flush while {@code failing} is set.
     */
    static final class WriteBackSink extends RecordingSink {
        final List<SourceRow> held = Collections.synchronizedList(new ArrayList<>());
        volatile long flushedThrough = -1;
        volatile long heldThrough = -1;
        volatile int flushes;

        @Override
        public boolean applyBehind(List<SourceRow> rows, long through) {
            held.addAll(rows);
            heldThrough = through;
            return false;
        }

        @Override
        public void flush() {
            apply(List.copyOf(held));
            held.clear();
            flushedThrough = heldThrough;
            flushes++;
        }
    }

    @Test
    void aWriteBackSinkIsCheckpointedOnlyThroughWhatItFlushedAndAwaitingAppliedFlushesIt() {
        WriteBackSink sink = new WriteBackSink();
        try (EventIngestor ingestor = open(sink)) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));
            ingestor.ingest(body(EventBatchTest.valid("e3")));

            assertThat(ingestor.awaitApplied(WAIT)).isTrue();

            assertThat(sink.applied).containsExactly("e1", "e2", "e3");
            assertThat(sink.held).isEmpty();
            assertThat(sink.flushedThrough).isEqualTo(3);
            assertThat(ingestor.applied()).isEqualTo(3);
        }
    }

    @Test
    void eventsAWriteBackSinkHeldButNeverFlushedAreReplayedAtTheNextOpen() {
        WriteBackSink first = new WriteBackSink();
        try (EventIngestor ingestor = open(first)) {
            ingestor.ingest(body(EventBatchTest.valid("e1")));
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            first.failing = true; // its flush fails from now on, as a crash would lose what it holds
            ingestor.ingest(body(EventBatchTest.valid("e2"), EventBatchTest.valid("e3")));
            assertThat(ingestor.awaitApplied(Duration.ofMillis(300))).isFalse();
            assertThat(ingestor.applied()).isEqualTo(1);
        }
        WriteBackSink second = new WriteBackSink();
        try (EventIngestor ingestor = open(second)) {
            assertThat(second.applied).containsExactly("e2", "e3");
            assertThat(ingestor.applied()).isEqualTo(3);
        }
    }

    @Test
    void acceptsGoodEventsRejectsBadOnesAndAppliesOnlyTheGoodOnes() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            IngestResult result = ingestor.ingest(body(EventBatchTest.valid("e1"),
                    "{\"event_id\":\"e2\",\"customer_id\":\"C1\",\"time\":\"2026-03-01T10:00:00Z\",\"type\":\"x\"}",
                    EventBatchTest.valid("e3")));

            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.duplicates()).isZero();
            assertThat(result.rejected()).extracting(Rejection::index, r -> r.code().wireName())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "unknown_type"));
            assertThat(sink.stagedRows).extracting(SourceRow::rowKey).containsExactly("e1", "e3");
            assertThat(ingestor.logSize()).isEqualTo(2);
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(sink.applied).containsExactly("e1", "e3");
            assertThat(ingestor.applied()).isEqualTo(2);
        }
    }

    @Test
    void anEventIdAlreadyAcceptedIsADuplicateEvenInTheSameBatch() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            ingestor.ingest(body(EventBatchTest.valid("e1")));
            IngestResult again = ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2"),
                    EventBatchTest.valid("e2")));

            assertThat(again.accepted()).isEqualTo(1);
            assertThat(again.duplicates()).isEqualTo(2);
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(sink.applied).containsExactly("e1", "e2");
            assertThat(ingestor.logSize()).isEqualTo(2);
        }
    }

    @Test
    void idempotencyHoldsAcrossARestartAndNothingIsAppliedTwice() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));
        }
        try (EventIngestor ingestor = open(sink)) {
            IngestResult retry = ingestor.ingest(body(EventBatchTest.valid("e2"), EventBatchTest.valid("e3")));

            assertThat(retry.accepted()).isEqualTo(1);
            assertThat(retry.duplicates()).isEqualTo(1);
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(sink.applied).containsExactly("e1", "e2", "e3");
        }
    }

    @Test
    void theAppliedRowsAreTheStagedOnesAppliedInLogOrderAfterTheAcknowledgement() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));
            ingestor.ingest(body(EventBatchTest.valid("e3")));

            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(sink.appliedRows).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(sink.appliedRows.get(i)).isSameAs(sink.stagedRows.get(i));
            }
        }
    }

    @Test
    void eventsTheSinkFailedToApplyAreAcceptedAndAppliedOnceItRecoversInLogOrder() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            ingestor.ingest(body(EventBatchTest.valid("e1")));
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            sink.failing = true;
            assertThat(ingestor.ingest(body(EventBatchTest.valid("e2"))).accepted()).isEqualTo(1);
            ingestor.ingest(body(EventBatchTest.valid("e3")));

            assertThat(ingestor.awaitApplied(Duration.ofMillis(300))).isFalse();
            assertThat(ingestor.logSize()).isEqualTo(3);
            assertThat(ingestor.applied()).isEqualTo(1);

            sink.failing = false;
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(sink.applied).containsExactly("e1", "e2", "e3");
            assertThat(ingestor.applied()).isEqualTo(3);
        }
    }

    @Test
    void onOpenTheSinkGetsTheEventsItMissedBeforeTheRestart() {
        RecordingSink first = new RecordingSink();
        try (EventIngestor ingestor = open(first)) {
            ingestor.ingest(body(EventBatchTest.valid("e1")));
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            first.failing = true;
            ingestor.ingest(body(EventBatchTest.valid("e2")));
        }
        RecordingSink second = new RecordingSink();
        try (EventIngestor ingestor = open(second)) {
            assertThat(second.applied).containsExactly("e2");
            assertThat(ingestor.applied()).isEqualTo(2);
        }
    }

    @Test
    void aBatchWaitsWhileTheApplierIsTooFarBehindAndIsRefusedUnstoredWhenItStaysBehind() {
        RecordingSink sink = new RecordingSink();
        sink.failing = true;
        try (EventIngestor ingestor = EventIngestor.open(folder, 100, 2, Duration.ofMillis(200),
                EventBatchTest.CATALOG, sink, CLOCK)) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));

            assertThatThrownBy(() -> ingestor.ingest(body(EventBatchTest.valid("e3"))))
                    .isInstanceOf(IngestBacklogException.class)
                    .hasMessageContaining("2 accepted events are waiting")
                    .hasMessageContaining("store unavailable");
            assertThat(ingestor.logSize()).isEqualTo(2);

            sink.failing = false;
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(ingestor.ingest(body(EventBatchTest.valid("e3"))).accepted()).isEqualTo(1);
        }
    }

    @Test
    void replayHandsEveryLoggedEventWithItsCategoryToAStoreRebuiltInMemory() {
        try (EventIngestor ingestor = open(new RecordingSink())) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));
            List<SourceRow> rows = new ArrayList<>();
            ingestor.replay(0, rows::addAll);

            assertThat(rows).extracting(SourceRow::rowKey).containsExactly("e1", "e2");
            assertThat(rows.get(0).text("category")).isEqualTo("bags");
            assertThat(rows.get(0).timeMicros()).isEqualTo(EventBatchTest.RECEIVED.getEpochSecond() * 1_000_000
                    - 2 * 3600 * 1_000_000L);
        }
    }

    @Test
    void erasureRemovesTheCustomerFromTheLogForReplaysReportsAndExportsButKeepsTheIds() throws Exception {
        String other = EventBatchTest.valid("e3").replace("\"C1\"", "\"C2\"");
        try (EventIngestor ingestor = open(new RecordingSink())) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2"), other));

            assertThat(ingestor.erase("C1")).isEqualTo(2);
            assertThat(ingestor.erase("C1")).isZero();

            List<SourceRow> rows = new ArrayList<>();
            ingestor.replay(0, rows::addAll);
            assertThat(rows).extracting(SourceRow::rowKey).containsExactly("e3");
            List<Event> events = new ArrayList<>();
            ingestor.forEachEvent(events::add);
            assertThat(events).extracting(Event::customerId).containsExactly("C2");
            List<LoggedEvent> exported = new ArrayList<>();
            EventLogReader.read(folder, exported::add);
            assertThat(exported).extracting(e -> e.event().eventId()).containsExactly("e3");
            assertThat(ingestor.ingest(body(EventBatchTest.valid("e1"))).duplicates()).isEqualTo(1);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8))
                        .as(file.toString()).doesNotContain("\"C1\"");
            }
        }
        try (EventIngestor reopened = open(new RecordingSink())) {
            assertThat(reopened.ingest(body(EventBatchTest.valid("e2"))).duplicates()).isEqualTo(1);
        }
    }

    @Test
    void concurrentBatchesWithOverlappingIdsStoreAndApplyEachEventOnce() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            // Four posters send the same 50 batches of 20 events each: every id must be accepted exactly once.
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> posters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread poster = new Thread(() -> {
                    for (int b = 0; b < 50; b++) {
                        String[] events = new String[20];
                        for (int i = 0; i < 20; i++) {
                            events[i] = EventBatchTest.valid("e" + (b * 20 + i));
                        }
                        IngestResult result = ingestor.ingest(body(events));
                        accepted.addAndGet(result.accepted());
                        duplicates.addAndGet(result.duplicates());
                    }
                });
                posters.add(poster);
                poster.start();
            }
            for (Thread poster : posters) {
                poster.join();
            }
            assertThat(accepted.get()).isEqualTo(1_000);
            assertThat(duplicates.get()).isEqualTo(3_000);
            assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            assertThat(sink.applied).hasSize(1_000).doesNotHaveDuplicates();
            assertThat(ingestor.logSize()).isEqualTo(1_000);
            assertThat(ingestor.applied()).isEqualTo(1_000);
        }
    }

    @Test
    void theIdWindowForgetsTheOldestIds() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = EventIngestor.open(folder, 2, EventBatchTest.CATALOG, sink, CLOCK)) {
            ingestor.ingest(body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2"), EventBatchTest.valid("e3")));
            assertThat(ingestor.ingest(body(EventBatchTest.valid("e3"))).duplicates()).isEqualTo(1);
            assertThat(ingestor.ingest(body(EventBatchTest.valid("e1"))).accepted()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedBatchStoresNothing() {
        RecordingSink sink = new RecordingSink();
        try (EventIngestor ingestor = open(sink)) {
            assertThatThrownBy(() -> ingestor.ingest("{}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(BatchRefusedException.class);
            assertThat(ingestor.logSize()).isZero();
            assertThat(sink.applied).isEmpty();
        }
    }

    @Test
    void aCheckpointAheadOfTheLogIsRefused() throws Exception {
        try (EventIngestor ingestor = open(new RecordingSink())) {
            ingestor.ingest(body(EventBatchTest.valid("e1")));
        }
        try (var segments = Files.list(folder.resolve("log"))) {
            for (Path segment : segments.toList()) {
                Files.write(segment, new byte[0]);
            }
        }
        assertThatThrownBy(() -> open(new RecordingSink()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds only 0");
    }

    private EventIngestor open(EventSink sink) {
        return EventIngestor.open(folder, EventBatchTest.CATALOG, sink, CLOCK);
    }

    static byte[] body(String... events) {
        return ("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8);
    }
}
