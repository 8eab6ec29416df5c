package dev.nbo.serving.store;

import dev.nbo.models.fixture.FeatureFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of tests of staging and write-back: a real embedded store with an applier in front and features read
 * through it (staged rows included, no offer cache), on the fixture's spec and offers — what the server wires. Opened
 * before each test, closed after it.
 */
abstract class StoreWithApplier {
    @TempDir
    Path tmp;

    EmbeddedOnlineStore store;
    EventApplier applier;
    OnlineFeatures features;

    @BeforeEach
    void openStoreWithApplier() {
        store = EmbeddedOnlineStore.open(tmp.resolve("online.mv"));
        applier = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers());
        features = new OnlineFeatures(store, FeatureFixture.spec(), FeatureFixture.offers(), Duration.ofDays(2),
                Duration.ZERO, Clock.systemUTC(), applier);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
