package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedOnlineStoreTest extends OnlineStoreContract {
    private int opened;

    @Override
    OnlineStore openStore() {
        return EmbeddedOnlineStore.open(tmp.resolve("store-" + opened++ + "/online.mv"));
    }

    @Test
    void everythingSurvivesClosingAndReopeningTheFile() {
        Path file = ((EmbeddedOnlineStore) store).file();
        store.bulkLoad(snapshotOf(fixtureAggregator(FeatureFixture.rowsBeforeAsOf()), FeatureFixture.customers(),
                AS_OF));
        store.putCustomer(CustomerId.of("c7"), richRecord("c7"));
        store.putOffer(offerRecord("o-golf", 9));
        store.deleteCustomer(CustomerId.of("c2"));
        store.advanceWatermark(AS_OF + 5);
        store.close();

        store = EmbeddedOnlineStore.open(file);

        assertThat(store.customer(CustomerId.of("c7"))).contains(richRecord("c7"));
        assertThat(store.customer(CustomerId.of("c2"))).isEmpty();
        assertThat(store.customer(CustomerId.of("c1")).orElseThrow().profile())
                .isEqualTo(FeatureFixture.customers().get(0));
        assertThat(store.offer(OfferId.of("o-golf"))).contains(offerRecord("o-golf", 9));
        assertThat(store.customerCount()).isEqualTo(3);
        assertThat(store.category("RUN-2")).contains("running");
        assertThat(store.specHash()).contains(SPEC.hash());
        assertThat(store.watermarkMicros()).hasValue(AS_OF + 5);
    }

    @Test
    void aFileInUseByAnotherStoreIsRefusedWithItsPath() {
        Path file = ((EmbeddedOnlineStore) store).file();

        assertThatThrownBy(() -> EmbeddedOnlineStore.open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }
}
