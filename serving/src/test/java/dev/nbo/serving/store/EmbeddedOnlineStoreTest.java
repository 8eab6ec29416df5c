package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
    void aWriteBackThatACrashInterruptsIsRolledBackWhenTheFileIsOpened() {
        Path file = ((EmbeddedOnlineStore) store).file();
        Path crashed = tmp.resolve("crashed/online.mv");
        store.writeAtomically(() -> {
            store.putCustomer(CustomerId.of("c7"), richRecord("c7"));
            store.markEventsApplied(10);
        });
        store.writeAtomically(() -> {
            store.putCustomer(CustomerId.of("c8"), richRecord("c8"));
            store.flush(); // what MVStore's background auto-commit may do at any moment, here twice
            store.deleteCustomer(CustomerId.of("c7"));
            store.putOffer(offerRecord("o-golf", 9));
            store.flush();
            copy(file, crashed); // the file as a kill -9 here would leave it: half a write-back, without its position
            store.markEventsApplied(20);
        });

        try (OnlineStore afterCrash = EmbeddedOnlineStore.open(crashed)) {
            assertThat(afterCrash.customer(CustomerId.of("c7"))).contains(richRecord("c7"));
            assertThat(afterCrash.customer(CustomerId.of("c8"))).isEmpty();
            assertThat(afterCrash.offer(OfferId.of("o-golf"))).isEmpty();
            assertThat(afterCrash.eventsApplied()).hasValue(10);
        }
        store.close();
        store = EmbeddedOnlineStore.open(file);
        assertThat(store.customer(CustomerId.of("c7"))).isEmpty();
        assertThat(store.customer(CustomerId.of("c8"))).contains(richRecord("c8"));
        assertThat(store.eventsApplied()).hasValue(20);
    }

    @Test
    void aWriteBackThatFailedPartWayStaysUndoneAfterLaterCommitsUntilOneSucceeds() {
        Path file = ((EmbeddedOnlineStore) store).file();
        Path crashed = tmp.resolve("crashed/online.mv");
        store.writeAtomically(() -> store.markEventsApplied(10));
        assertThatThrownBy(() -> store.writeAtomically(() -> {
            store.putCustomer(CustomerId.of("c8"), richRecord("c8"));
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        store.flush();
        copy(file, crashed);

        try (OnlineStore afterCrash = EmbeddedOnlineStore.open(crashed)) {
            assertThat(afterCrash.customer(CustomerId.of("c8"))).isEmpty();
            assertThat(afterCrash.eventsApplied()).hasValue(10);
        }
        store.writeAtomically(() -> {
            store.putCustomer(CustomerId.of("c8"), richRecord("c8"));
            store.markEventsApplied(20);
        });
        store.close();
        store = EmbeddedOnlineStore.open(file);
        assertThat(store.customer(CustomerId.of("c8"))).contains(richRecord("c8"));
        assertThat(store.eventsApplied()).hasValue(20);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFileInUseByAnotherStoreIsRefusedWithItsPath() {
        Path file = ((EmbeddedOnlineStore) store).file();

        assertThatThrownBy(() -> EmbeddedOnlineStore.open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }
}
