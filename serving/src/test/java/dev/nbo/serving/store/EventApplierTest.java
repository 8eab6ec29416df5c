package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventApplierTest {
    private static final long T = FeatureFixture.AS_OF - 1_000_000;

    @TempDir
    Path tmp;

    @Test
    void aBatchWithAnInvalidCustomerIdIsRefusedBeforeAnythingIsWritten() {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(tmp.resolve("s.mv"))) {
            EventApplier applier = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers());
            List<SourceRow> rows = List.of(
                    SourceRow.event("e1", "c1", T, "email_click", null, null, null, "o-shoe"),
                    SourceRow.event("e2", " ", T, "page_view", "RUN-1", "running", "s1", null));

            assertThatThrownBy(() -> applier.apply(rows)).isInstanceOf(IllegalArgumentException.class);

            assertThat(store.customer(CustomerId.of("c1"))).isEmpty();
            assertThat(store.offer(OfferId.of("o-shoe"))).isEmpty();
            assertThat(store.watermarkMicros()).isEmpty();
        }
    }

    @Test
    void eventsOfAnUnknownCustomerCreateARecordWithoutProfile() {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(tmp.resolve("s.mv"))) {
            EventApplier applier = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers());

            int customers = applier.apply(List.of(SourceRow.event("e1", "new", T, "page_view", "RUN-1", "running",
                    "s1", null)));

            assertThat(customers).isEqualTo(1);
            assertThat(store.customer(CustomerId.of("new")).orElseThrow().profile()).isNull();
            assertThat(store.watermarkMicros()).hasValue(T);
        }
    }

    @Test
    void anEmptyBatchChangesNothing() {
        try (EmbeddedOnlineStore store = EmbeddedOnlineStore.open(tmp.resolve("s.mv"))) {
            EventApplier applier = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers());

            assertThat(applier.apply(List.of())).isZero();
            assertThat(store.watermarkMicros()).isEmpty();
        }
    }
}
