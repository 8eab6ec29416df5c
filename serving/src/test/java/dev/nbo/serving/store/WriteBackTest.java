package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.online.CustomerRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EventApplier#accept} keeps rows in the customers' cached state and {@link EventApplier#writeBack} writes
 * them: until then the rows stay staged, so reads count every row exactly once, and the records written equal those
 * of applying each batch at once. Against a real embedded store.
 */
class WriteBackTest extends StoreWithApplier {
    private static final long T = FeatureFixture.AS_OF - 1_000_000;
    private static final CustomerId CUSTOMER = CustomerId.of("c-cached");

    private static SourceRow view(String customer, String eventId, long time) {
        return SourceRow.event(eventId, customer, time, "page_view", "RUN-1", "running", "s1", null);
    }

    private static SourceRow click(String customer, String eventId, long time) {
        return SourceRow.event(eventId, customer, time, "email_click", null, null, "s1", "o-shoe");
    }

    private long viewsAll() {
        return ((Number) features.customer(CUSTOMER, FeatureFixture.AS_OF).customer().get("views_all").value())
                .longValue();
    }

    private long shoeClicks(OnlineStore from) {
        OnlineFeatures reader = new OnlineFeatures(from, FeatureFixture.spec(), FeatureFixture.offers(),
                Duration.ofDays(2), Duration.ZERO, Clock.systemUTC());
        return ((Number) reader.offer(OfferId.of("o-shoe"), FeatureFixture.AS_OF).get("offer_clicks_7d").value())
                .longValue();
    }

    @Test
    void acceptedRowsStayStagedUntilWrittenBackAndAreCountedOnce() {
        List<SourceRow> first = List.of(view(CUSTOMER.value(), "e1", T), view(CUSTOMER.value(), "e2", T));
        applier.stage(first);
        applier.accept(first);

        assertThat(store.customer(CUSTOMER)).isEmpty();
        assertThat(applier.current(CUSTOMER).staged()).hasSize(2);
        assertThat(viewsAll()).isEqualTo(2);

        applier.writeBack();

        assertThat(store.customer(CUSTOMER)).isPresent();
        assertThat(applier.current(CUSTOMER).staged()).isEmpty();
        assertThat(viewsAll()).isEqualTo(2);

        List<SourceRow> second = List.of(view(CUSTOMER.value(), "e3", T));
        applier.stage(second);
        applier.accept(second);
        assertThat(viewsAll()).isEqualTo(3);
        applier.writeBack();
        assertThat(viewsAll()).isEqualTo(3);
        assertThat(applier.current(CUSTOMER).staged()).isEmpty();
    }

    @Test
    void recordsWrittenBackEqualThoseOfApplyingEachBatchAtOnceEvenWhenTheCacheEvicts() {
        List<List<SourceRow>> batches = List.of(
                List.of(view("a", "e1", T - 3 * 86_400_000_000L), click("b", "e2", T), view("a", "e3", T)),
                List.of(click("a", "e4", T), view("c", "e5", T), click("b", "e6", T)),
                List.of(view("b", "e7", T), click("c", "e8", T)));
        try (EmbeddedOnlineStore direct = EmbeddedOnlineStore.open(tmp.resolve("direct.mv"))) {
            EventApplier eachAtOnce = new EventApplier(direct, FeatureFixture.spec(), FeatureFixture.offers());
            EventApplier oneCached = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers(), 1);
            for (List<SourceRow> batch : batches) {
                eachAtOnce.apply(batch);
                oneCached.accept(batch);
                if (batch != batches.get(0)) {
                    oneCached.writeBack();
                }
            }

            for (String customer : List.of("a", "b", "c")) {
                CustomerRecord expected = direct.customer(CustomerId.of(customer)).orElseThrow();
                CustomerRecord written = store.customer(CustomerId.of(customer)).orElseThrow();
                assertThat(written.profile()).isEqualTo(expected.profile());
                assertThat(new HashSet<>(written.state())).as(customer)
                        .isEqualTo(new HashSet<>(expected.state()));
            }
            assertThat(shoeClicks(store)).isEqualTo(shoeClicks(direct)).isEqualTo(4);
        }
    }

    @Test
    void theCacheIsFullOnceAsManyCustomersAsItHoldsHaveUnwrittenRowsAndEmptyAfterAWriteBack() {
        EventApplier small = new EventApplier(store, FeatureFixture.spec(), FeatureFixture.offers(), 2);
        small.accept(List.of(view("a", "e1", T), view("a", "e2", T)));
        assertThat(small.cacheFull()).isFalse();

        small.accept(List.of(view("b", "e3", T)));
        assertThat(small.cacheFull()).isTrue();

        small.writeBack();
        assertThat(small.cacheFull()).isFalse();
        assertThat(store.customer(CustomerId.of("a"))).isPresent();
        assertThat(store.customer(CustomerId.of("b"))).isPresent();
    }

    @Test
    void erasingACustomerBetweenAcceptAndWriteBackForgetsItsRowsForGood() {
        List<SourceRow> rows = List.of(view(CUSTOMER.value(), "e1", T));
        applier.stage(rows);
        applier.accept(rows);

        assertThat(applier.erase(CUSTOMER)).isTrue();
        applier.writeBack();

        assertThat(store.customer(CUSTOMER)).isEmpty();
        assertThat(features.customer(CUSTOMER, FeatureFixture.AS_OF).known()).isFalse();
    }

    @Test
    void aCrmSyncBetweenAcceptAndWriteBackDoesNotUndoAnUnsubscribeReadsAlreadySee() {
        SourceRow unsubscribe = SourceRow.event("u1", CUSTOMER.value(), T, "unsubscribe", null, null, null, null);
        applier.stage(List.of(unsubscribe));
        applier.accept(List.of(unsubscribe));

        applier.upsertProfile(new CustomerProfile(CUSTOMER.value(), null, 1980, "Lyon", "south", "FR", List.of(),
                true));
        assertThat(features.customer(CUSTOMER, FeatureFixture.AS_OF).profile().orElseThrow().marketingConsent())
                .isFalse();

        applier.writeBack();

        CustomerProfile stored = store.customer(CUSTOMER).orElseThrow().profile();
        assertThat(stored.marketingConsent()).isFalse();
        assertThat(stored.city()).isEqualTo("Lyon");
        assertThat(features.customer(CUSTOMER, FeatureFixture.AS_OF).profile().orElseThrow().marketingConsent())
                .isFalse();
    }
}
