package dev.nbo.serving.store;

import dev.nbo.models.fixture.FeatureFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A real embedded store with an applier in front and features read through it (staged rows included, no offer
 * cache), on the fixture's spec and offers: what the server wires, for tests of staging and write-back.
 */
record StoreWithApplier(EmbeddedOnlineStore store, EventApplier applier, OnlineFeatures features)
        implements AutoCloseable {

    static StoreWithApplier open(Path dir) {
        EmbeddedOnlineStore store = EmbeddedOnlineStore.open(dir.resolve("online.mv"));
        EventApplier applier = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers());
        return new StoreWithApplier(store, applier, new OnlineFeatures(store, FeatureFixture.spec(),
                FeatureFixture.offers(), Duration.ofDays(2), Duration.ZERO, Clock.systemUTC(), applier));
    }

    @Override
    public void close() {
        store.close();
    }
}
