package dev.nbo.serving.store;

import static dev.nbo.models.fixture.FeatureValueAssert.assertFeatureValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.aggregate.FeatureStatus;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.OnlineSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineFeaturesTest {
    private static final long AS_OF = FeatureFixture.AS_OF;
    private static final long DAY = RandomRows.DAY;
    private static final FeatureSpec SPEC = FeatureFixture.spec();
    private static final OfferCatalog OFFERS = FeatureFixture.offers();

    @TempDir
    Path tmp;

    private EmbeddedOnlineStore store;
    private final TestClock clock = new TestClock();

    @BeforeEach
    void loadFixture() {
        store = EmbeddedOnlineStore.open(tmp.resolve("online.mv"));
        IncrementalAggregator fed = new IncrementalAggregator(SPEC, OFFERS);
        FeatureFixture.rowsBeforeAsOf().forEach(fed::accept);
        Path dir = SnapshotWriter.write(tmp.resolve("online"), SPEC, fed, FeatureFixture.customers(),
                RandomRows.productCategories(), AS_OF);
        store.bulkLoad(OnlineSnapshot.open(dir, SPEC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private OnlineFeatures features(Duration offerCacheTtl) {
        return new OnlineFeatures(store, SPEC, OFFERS, Duration.ofDays(2), offerCacheTtl, clock);
    }

    @Test
    void servesTheHandWorkedValuesOfEveryEntity() {
        OnlineFeatures features = features(Duration.ZERO);
        FeatureFixture.expected().forEach((key, expected) -> {
            Map<String, FeatureValue> served = switch (key.entity()) {
                case CUSTOMER -> features.customer(CustomerId.of(key.customerId()), AS_OF).customer();
                case CUSTOMER_CATEGORY -> features.customer(CustomerId.of(key.customerId()), AS_OF)
                        .category(key.category());
                case CUSTOMER_OFFER -> features.customer(CustomerId.of(key.customerId()), AS_OF)
                        .customerOffer(OfferId.of(key.offerId()));
                case OFFER -> features.offer(OfferId.of(key.offerId()), AS_OF);
            };
            expected.forEach((name, value) -> assertFeatureValue(key + " " + name, served.get(name).value(), value));
        });
    }

    @Test
    void anUnknownCustomerIsFlaggedAndGetsEmptyValuesNotAnError() {
        CustomerFeatures unknown = features(Duration.ZERO).customer(CustomerId.of("stranger"), AS_OF);

        assertThat(unknown.known()).isFalse();
        assertThat(unknown.customer().get("views_7d")).isEqualTo(new FeatureValue(0L, FeatureStatus.PRESENT));
        assertThat(unknown.customer().get("age").status()).isEqualTo(FeatureStatus.MISSING);
        assertThat(features(Duration.ZERO).customer(CustomerId.of("c1"), AS_OF).known()).isTrue();
    }

    @Test
    void valuesAreStaleOnceTheNewestDataIsOlderThanStaleAfter() {
        OnlineFeatures features = features(Duration.ZERO);
        assertThat(features.customer(CustomerId.of("c1"), AS_OF + DAY).stale()).isFalse();
        assertThat(features.customer(CustomerId.of("c1"), AS_OF + 3 * DAY).stale()).isTrue();

        new EventApplier(store, SPEC, OFFERS).apply(List.of(SourceRow.event("late", "c3", AS_OF + 2 * DAY,
                "page_view", "YOG-1", "yoga", "s99", null)));

        assertThat(features.customer(CustomerId.of("c1"), AS_OF + 3 * DAY).stale()).isFalse();
    }

    @Test
    void anEmptyStoreIsStale() {
        try (EmbeddedOnlineStore empty = EmbeddedOnlineStore.open(tmp.resolve("empty.mv"))) {
            OnlineFeatures features = new OnlineFeatures(empty, SPEC, OFFERS, Duration.ofDays(2), Duration.ZERO,
                    clock);
            assertThat(features.isStale(AS_OF)).isTrue();
        }
    }

    @Test
    void aStoreLoadedWithOtherFeatureDefinitionsIsRefused() {
        FeatureSpec other = FeatureSpec.parse("other.yaml", """
                version: 1
                features:
                  - {name: views_7d, entity: customer, source: events, filter: {event_type: page_view}, aggregation: count, window: 7d}
                """);

        assertThatThrownBy(() -> new OnlineFeatures(store, other, OFFERS, Duration.ofDays(2), Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SPEC.hash())
                .hasMessageContaining(other.hash())
                .hasMessageContaining("other.yaml");
    }

    @Test
    void offerValuesAreReusedWithinTheCacheTtlThenRecomputed() {
        OnlineFeatures features = features(Duration.ofMinutes(1));
        OfferId shoe = OfferId.of("o-shoe");
        long before = (Long) features.offer(shoe, AS_OF).get("offer_clicks_7d").value();
        new EventApplier(store, SPEC, OFFERS).apply(List.of(SourceRow.event("click", "c2", AS_OF - 1_000_000,
                "email_click", null, null, null, "o-shoe")));

        assertThat(features.offer(shoe, AS_OF).get("offer_clicks_7d").value()).isEqualTo(before);

        clock.advance(Duration.ofSeconds(61));
        assertThat(features.offer(shoe, AS_OF).get("offer_clicks_7d").value()).isEqualTo(before + 1);
    }

    @Test
    void cachedOfferValuesAreNotReusedForADistantAsOfTime() {
        OnlineFeatures features = features(Duration.ofMinutes(1));
        OfferId shoe = OfferId.of("o-shoe");
        assertThat(features.offer(shoe, AS_OF).get("offer_clicks_7d").value()).isEqualTo(1L);

        // e8, the only click on o-shoe (03-06), has left the 7-day window by 03-14
        assertThat(features.offer(shoe, AS_OF + 4 * DAY).get("offer_clicks_7d").value()).isEqualTo(0L);
    }

    @Test
    void offersAreServedInRequestOrderWithAnEntryForEveryOffer() {
        List<OfferId> asked = List.of(OfferId.of("o-golf"), OfferId.of("o-unknown"), OfferId.of("o-run"));

        Map<OfferId, Map<String, FeatureValue>> served = features(Duration.ofMinutes(1)).offers(asked, AS_OF);

        assertThat(served.keySet()).containsExactlyElementsOf(asked);
        assertThat(served.get(OfferId.of("o-unknown")).get("offer_value").status()).isEqualTo(FeatureStatus.MISSING);
        assertThat(served.get(OfferId.of("o-golf")).get("offer_value").value()).isEqualTo(30.0);
    }

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private final AtomicLong millis = new AtomicLong(1_000_000L);

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
