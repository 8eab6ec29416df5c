package dev.nbo.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.serving.store.EmbeddedOnlineStore;
import dev.nbo.serving.store.EventApplier;
import dev.nbo.serving.store.OnlineFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestor wired to a real embedded store as the server wires it: an acknowledged event is in the customer's
 * features on the next read even before the applier thread has written it into the store, and events logged but
 * never applied (the store failing until the process went away) are applied when the ingestor opens again.
 */
class IngestIntoStoreTest {
    private static final CustomerId C1 = CustomerId.of("C1");
    private static final long NOW = EventBatchTest.RECEIVED.getEpochSecond() * 1_000_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    /** The server's sink: stage into the applier; apply, then commit the store file (optionally held or failing). */
    private static final class StoreSink implements EventSink {
        final EventApplier applier;
        final EmbeddedOnlineStore store;
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean failing;

        StoreSink(EmbeddedOnlineStore store) {
            this.store = store;
            this.applier = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers());
        }

        @Override
        public void stage(List<SourceRow> rows) {
            applier.stage(rows);
        }

        @Override
        public void apply(List<SourceRow> rows) {
            if (failing) {
                throw new IllegalStateException("store unavailable");
            }
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            applier.apply(rows);
            store.flush();
        }

        /** As the server's sink: the log position goes into the store after the rows, made durable with them. */
        @Override
        public void apply(List<SourceRow> rows, long through) {
            apply(rows);
            store.markEventsApplied(through);
            store.flush();
        }

        @Override
        public OptionalLong appliedThrough() {
            return store.eventsApplied();
        }

        long viewsAll() {
            OnlineFeatures features = new OnlineFeatures(store, FeatureFixture.spec(), FeatureFixture.offers(),
                    Duration.ofDays(2), Duration.ZERO, Clock.systemUTC(), applier);
            return ((Number) features.customer(C1, NOW).customer().get("views_all").value()).longValue();
        }
    }

    private EventIngestor open(EventSink sink) {
        return EventIngestor.open(folder.resolve("events"), EventBatchTest.CATALOG, sink, EventIngestorTest.CLOCK);
    }

    @Test
    void anAcknowledgedEventIsInTheNextReadBeforeTheApplierHasWrittenIt() {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(folder.resolve("online.mv"))) {
            StoreSink sink = new StoreSink(store);
            try (EventIngestor ingestor = open(sink)) {
                ingestor.ingest(EventIngestorTest.body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));

                assertThat(store.customer(C1)).isEmpty();
                assertThat(sink.viewsAll()).isEqualTo(2);

                sink.release.countDown();
                assertThat(ingestor.awaitApplied(WAIT)).isTrue();
                assertThat(store.customer(C1)).isPresent();
                assertThat(sink.viewsAll()).isEqualTo(2);
            }
        }
    }

    @Test
    void eventsLoggedButNeverAppliedAreAppliedToTheStoreWhenTheIngestorOpensAgain() {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(folder.resolve("online.mv"))) {
            StoreSink sink = new StoreSink(store);
            sink.release.countDown();
            try (EventIngestor ingestor = open(sink)) {
                ingestor.ingest(EventIngestorTest.body(EventBatchTest.valid("e1")));
                assertThat(ingestor.awaitApplied(WAIT)).isTrue();
                sink.failing = true;
                ingestor.ingest(EventIngestorTest.body(EventBatchTest.valid("e2"), EventBatchTest.valid("e3")));
                assertThat(ingestor.applied()).isEqualTo(1);
            }
        }
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(folder.resolve("online.mv"))) {
            StoreSink sink = new StoreSink(store);
            sink.release.countDown();
            try (EventIngestor ingestor = open(sink)) {
                assertThat(ingestor.applied()).isEqualTo(3);
                assertThat(store.customer(C1)).isPresent();
                assertThat(sink.viewsAll()).isEqualTo(3);
            }
        }
    }

    @Test
    void aRoundTheCheckpointMissedIsNotAppliedTwiceAfterACrash() throws Exception {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(folder.resolve("online.mv"))) {
            StoreSink sink = new StoreSink(store);
            sink.release.countDown();
            try (EventIngestor ingestor = open(sink)) {
                ingestor.ingest(EventIngestorTest.body(EventBatchTest.valid("e1"), EventBatchTest.valid("e2")));
                assertThat(ingestor.awaitApplied(WAIT)).isTrue();
            }
            assertThat(store.eventsApplied()).hasValue(2);
        }
        // the crash window: the store committed the round with its position, the checkpoint never recorded it
        Files.delete(folder.resolve("events/applied.checkpoint"));
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(folder.resolve("online.mv"))) {
            StoreSink sink = new StoreSink(store);
            sink.release.countDown();
            try (EventIngestor ingestor = open(sink)) {
                assertThat(ingestor.applied()).isEqualTo(2);
                assertThat(sink.viewsAll()).as("each event counted once").isEqualTo(2);
                ingestor.ingest(EventIngestorTest.body(EventBatchTest.valid("e3")));
                assertThat(ingestor.awaitApplied(WAIT)).isTrue();
                assertThat(sink.viewsAll()).isEqualTo(3);
            }
        }
    }

    @Test
    void aStoreAheadOfTheEventLogIsRefused() {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(folder.resolve("online.mv"))) {
            store.markEventsApplied(5);
            store.flush();
            StoreSink sink = new StoreSink(store);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(sink))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds only 0");
        }
    }
}
