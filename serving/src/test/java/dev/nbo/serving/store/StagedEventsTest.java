package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Events staged in the {@link EventApplier} (durable in the event log, not yet written to the store) are part of every
 * read through {@link OnlineFeatures}, and once applied they are counted exactly once: read-your-writes while the
 * store is written behind the log. Against a real embedded store.
 */
class StagedEventsTest extends StoreWithApplier {
    private static final long T = FeatureFixture.AS_OF - 1_000_000;
    private static final CustomerId CUSTOMER = CustomerId.of("c-staged");

    private static SourceRow view(String eventId) {
        return SourceRow.event(eventId, CUSTOMER.value(), T, "page_view", "RUN-1", "running", "s1", null);
    }

    private long viewsAll() {
        return ((Number) features.customer(CUSTOMER, FeatureFixture.AS_OF).customer().get("views_all").value())
                .longValue();
    }

    @Test
    void stagedEventsAreReadBeforeTheyAreAppliedAndCountedOnceAfter() {
        List<SourceRow> rows = List.of(view("e1"), view("e2"));

        applier.stage(rows);

        assertThat(store.customer(CUSTOMER)).isEmpty();
        assertThat(features.customer(CUSTOMER, FeatureFixture.AS_OF).known()).isTrue();
        assertThat(viewsAll()).isEqualTo(2);

        applier.apply(rows);

        assertThat(store.customer(CUSTOMER)).isPresent();
        assertThat(applier.current(CUSTOMER).staged()).isEmpty();
        assertThat(viewsAll()).isEqualTo(2);

        SourceRow third = view("e3");
        applier.stage(List.of(third));
        assertThat(viewsAll()).isEqualTo(3);
        applier.apply(List.of(third));
        assertThat(viewsAll()).isEqualTo(3);
    }

    @Test
    void rowsAppliedWithoutBeingStagedLeaveTheStagedOnesStaged() {
        SourceRow staged = view("e1");
        applier.stage(List.of(staged));

        applier.apply(List.of(view("replayed")));

        assertThat(applier.current(CUSTOMER).staged()).containsExactly(staged);
        assertThat(viewsAll()).isEqualTo(2);
    }

    @Test
    void erasingACustomerDropsItsStagedEventsAndApplyingThemLaterDoesNotBringTheCustomerBack() {
        List<SourceRow> rows = List.of(view("e1"), view("e2"));
        applier.stage(rows);

        assertThat(applier.erase(CUSTOMER)).isTrue();
        assertThat(features.customer(CUSTOMER, FeatureFixture.AS_OF).known()).isFalse();

        applier.apply(rows);

        assertThat(store.customer(CUSTOMER)).isEmpty();
        assertThat(features.customer(CUSTOMER, FeatureFixture.AS_OF).known()).isFalse();
    }

    @Test
    void aReadRacingTheApplierSeesEveryEventStagedBeforeItAndNoneTwice() throws Exception {
        // a read must count every row whose stage() returned before it began, and no more rows than were being staged
        AtomicLong stagingStarted = new AtomicLong();
        AtomicLong staged = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> violation = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && violation.get() == null) {
                long before = staged.get();
                long seen = viewsAll();
                long after = stagingStarted.get();
                if (seen < before || seen > after) {
                    violation.set("read " + seen + " views while " + before + " to " + after + " were staged");
                }
            }
        });
        reader.start();
        List<SourceRow> waiting = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            SourceRow row = view("e" + i);
            stagingStarted.incrementAndGet();
            applier.stage(List.of(row));
            staged.incrementAndGet();
            waiting.add(row);
            if (i % 7 == 6) {
                applier.apply(List.copyOf(waiting));
                waiting.clear();
            }
        }
        applier.apply(waiting);
        done.set(true);
        reader.join();

        assertThat(violation.get()).isNull();
        assertThat(viewsAll()).isEqualTo(400);
        assertThat(applier.current(CUSTOMER).staged()).isEmpty();
    }
}
