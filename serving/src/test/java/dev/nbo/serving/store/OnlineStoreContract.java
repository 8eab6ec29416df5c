package dev.nbo.serving.store;

import static dev.nbo.serving.store.FeatureParity.assertSameValues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import dev.nbo.models.online.OnlineSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link OnlineStore} must do, run against each backend by a subclass: the proof that the embedded store
 * and Redis behave the same.
 */
abstract class OnlineStoreContract {
    static final long AS_OF = FeatureFixture.AS_OF;
    static final FeatureSpec SPEC = FeatureFixture.spec();
    static final OfferCatalog OFFERS = FeatureFixture.offers();

    @TempDir
    Path tmp;

    OnlineStore store;

    /** A new, empty store. */
    abstract OnlineStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static CustomerRecord richRecord(String customerId) {
        CustomerProfile profile = new CustomerProfile(customerId, 1_700_000_000_000_000L, 1980, "Denver", "West",
                "US", List.of("running", "golf"), true);
        return new CustomerRecord(profile, List.of(
                new StateRow(EntityKey.customer(customerId), "views_7d", 20150, 3, 0, 0.0, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, 1_741_000_000_000_000L, null, null, null, List.of()),
                new StateRow(EntityKey.customer(customerId), "views_all", null, 12, 0, 0.0,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1_741_000_000_000_000L, null, null, null,
                        List.of()),
                new StateRow(EntityKey.customer(customerId), "spend_30d", 20151, 2, 2, 150.5, 50.25, 100.25,
                        1_741_100_000_000_000L, null, null, null, List.of()),
                new StateRow(EntityKey.customer(customerId), "last_viewed_category", 20152, 1, 0, 0.0,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 5L, 5L, "e1", "golf", List.of()),
                new StateRow(EntityKey.customer(customerId), "max_qty_30d", 20152, 1, 1, 3.0, 3.0, 3.0, 5L, 5L,
                        "k#1", 3L, List.of()),
                new StateRow(EntityKey.customer(customerId), "avg_price_30d", 20152, 1, 1, 3.0, 3.0, 3.0, 5L, 5L,
                        "k#2", 2.5, List.of()),
                new StateRow(EntityKey.customer(customerId), "consent", 20152, 1, 0, 0.0, 0.0, 0.0, 5L, 5L,
                        "k#3", Boolean.TRUE, List.of()),
                new StateRow(EntityKey.customer(customerId), "sessions_7d", 20152, 2, 0, 0.0,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 7L, null, null, null,
                        List.of("s1", "s2 é")),
                new StateRow(EntityKey.customerCategory(customerId, "running"), "cat_views_7d", 20152, 4, 0, 0.0,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9L, null, null, null, List.of()),
                new StateRow(EntityKey.customerOffer(customerId, "o-run"), "target_views_7d", 20152, 1, 0, 0.0,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9L, null, null, null, List.of())));
    }

    static OfferRecord offerRecord(String offerId, long clicks) {
        return new OfferRecord(offerId, List.of(new StateRow(EntityKey.offer(offerId), "offer_clicks_7d", 20152,
                clicks, 0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 11L, null, null, null,
                List.of())));
    }

    @Test
    void anUnknownCustomerHasNoRecord() {
        assertThat(store.customer(CustomerId.of("nobody"))).isEmpty();
        assertThat(store.customerCount()).isZero();
    }

    @Test
    void aStoredRecordReadsBackEqualWithEveryValueTypeAndInfiniteBounds() {
        store.putCustomer(CustomerId.of("c1"), richRecord("c1"));

        assertThat(store.customer(CustomerId.of("c1"))).contains(richRecord("c1"));
        assertThat(store.customerCount()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutProfileReadsBackWithoutProfile() {
        CustomerRecord stateOnly = new CustomerRecord(null, richRecord("c2").state().stream()
                .map(r -> new StateRow(EntityKey.customer("c3"), r.feature(), r.day(), r.rows(), r.values(), r.sum(),
                        r.min(), r.max(), r.maxTime(), r.lastTime(), r.lastKey(), r.lastValue(), r.distinct()))
                .toList());

        store.putCustomer(CustomerId.of("c3"), stateOnly);

        assertThat(store.customer(CustomerId.of("c3"))).contains(stateOnly);
    }

    @Test
    void putReplacesTheWholeRecord() {
        store.putCustomer(CustomerId.of("c1"), richRecord("c1"));
        CustomerRecord smaller = new CustomerRecord(richRecord("c1").profile(), richRecord("c1").state().subList(0, 1));

        store.putCustomer(CustomerId.of("c1"), smaller);

        assertThat(store.customer(CustomerId.of("c1"))).contains(smaller);
        assertThat(store.customerCount()).isEqualTo(1);
    }

    @Test
    void deleteForgetsOneCustomerAndSaysWhetherThereWasOne() {
        store.putCustomer(CustomerId.of("c1"), richRecord("c1"));
        store.putCustomer(CustomerId.of("c2"), richRecord("c2"));

        assertThat(store.deleteCustomer(CustomerId.of("c1"))).isTrue();
        assertThat(store.deleteCustomer(CustomerId.of("c1"))).isFalse();
        assertThat(store.customer(CustomerId.of("c1"))).isEmpty();
        assertThat(store.customer(CustomerId.of("c2"))).contains(richRecord("c2"));
        assertThat(store.customerCount()).isEqualTo(1);
    }

    @Test
    void offersAreReadOneByOneOrTogetherAndAbsentOnesAreLeftOut() {
        store.putOffer(offerRecord("o-run", 3));
        store.putOffer(offerRecord("o-shoe", 4));
        store.putOffer(offerRecord("o-run", 5));

        assertThat(store.offer(OfferId.of("o-run"))).contains(offerRecord("o-run", 5));
        assertThat(store.offer(OfferId.of("o-golf"))).isEmpty();
        Map<OfferId, OfferRecord> some = store.offers(List.of(OfferId.of("o-shoe"), OfferId.of("o-golf"),
                OfferId.of("o-run")));
        assertThat(some).containsOnlyKeys(OfferId.of("o-shoe"), OfferId.of("o-run"));
        assertThat(some.get(OfferId.of("o-shoe"))).isEqualTo(offerRecord("o-shoe", 4));
        assertThat(store.offerCount()).isEqualTo(2);
    }

    @Test
    void theWatermarkOnlyMovesForward() {
        assertThat(store.watermarkMicros()).isEmpty();

        store.advanceWatermark(200);
        store.advanceWatermark(100);

        assertThat(store.watermarkMicros()).hasValue(200);
    }

    @Test
    void bulkLoadWritesEveryCustomerOfferAndProductOfTheSnapshot() {
        IncrementalAggregator fed = fixtureAggregator(FeatureFixture.rowsBeforeAsOf());
        OnlineSnapshot snapshot = snapshotOf(fed, FeatureFixture.customers(), AS_OF);

        LoadSummary summary = store.bulkLoad(snapshot);

        assertThat(summary).isEqualTo(new LoadSummary(3, 3, 4));
        assertThat(store.customerCount()).isEqualTo(3);
        assertThat(store.offerCount()).isEqualTo(3);
        assertThat(store.category("GLF-1")).contains("golf");
        assertThat(store.category("NOPE")).isEmpty();
        assertThat(store.specHash()).contains(SPEC.hash());
        assertThat(store.watermarkMicros()).hasValue(AS_OF);
        CustomerRecord c1 = store.customer(CustomerId.of("c1")).orElseThrow();
        assertThat(c1.profile()).isEqualTo(FeatureFixture.customers().get(0));
        assertThat(new java.util.HashSet<>(c1.state())).isEqualTo(fed.exportState()
                .filter(r -> "c1".equals(r.key().customerId())).collect(Collectors.toSet()));
    }

    @Test
    void bulkLoadTakesThreeThousandCustomers() {
        RandomRows random = new RandomRows(11);
        IncrementalAggregator fed = new IncrementalAggregator(SPEC, OFFERS);
        random.rows(6000, 3000, AS_OF - 40 * RandomRows.DAY, AS_OF).forEach(fed::accept);

        LoadSummary summary = store.bulkLoad(snapshotOf(fed, RandomRows.profiles(3000), AS_OF));

        assertThat(summary.customers()).isEqualTo(3000);
        assertThat(store.customerCount()).isEqualTo(3000);
        assertThat(store.customer(CustomerId.of(RandomRows.customer(2999))).orElseThrow().profile())
                .isEqualTo(RandomRows.profiles(3000).get(2999));
    }

    @Test
    void servedFeaturesEqualAnAggregatorFedEveryRowDirectly() {
        long cut = AS_OF - 10 * RandomRows.DAY;
        RandomRows random = new RandomRows(42);
        List<SourceRow> history = new ArrayList<>(random.rows(1500, 60, AS_OF - 45 * RandomRows.DAY, cut));
        List<SourceRow> fresh = new ArrayList<>(random.rows(600, 80, cut, AS_OF));
        FeatureFixture.rowsBeforeAsOf().forEach(row -> (row.timeMicros() < cut ? history : fresh).add(row));
        List<CustomerProfile> profiles = new ArrayList<>(RandomRows.profiles(60));
        profiles.addAll(FeatureFixture.customers());
        IncrementalAggregator snapshotState = fixtureAggregator(history);
        store.bulkLoad(snapshotOf(snapshotState, profiles, cut));

        Collections.shuffle(fresh, new Random(3));
        EventApplier applier = new EventApplier(store, SPEC, OFFERS);
        for (int from = 0; from < fresh.size(); from += 97) {
            applier.apply(fresh.subList(from, Math.min(fresh.size(), from + 97)));
        }

        IncrementalAggregator direct = new IncrementalAggregator(SPEC, OFFERS);
        profiles.forEach(direct::upsertProfile);
        history.forEach(direct::accept);
        fresh.forEach(direct::accept);
        OnlineFeatures features = new OnlineFeatures(store, SPEC, OFFERS, Duration.ofDays(2), Duration.ZERO,
                Clock.systemUTC());
        Map<String, CustomerFeatures> served = new java.util.HashMap<>();
        for (String customer : customersOf(direct, profiles)) {
            CustomerFeatures one = features.customer(CustomerId.of(customer), AS_OF);
            assertThat(one.known()).as(customer).isTrue();
            assertSameValues(customer, one.customer(), direct.values(EntityKey.customer(customer), AS_OF));
            served.put(customer, one);
        }
        int compared = served.size();
        for (EntityKey key : direct.keys(Entity.CUSTOMER_CATEGORY)) {
            assertSameValues(key.toString(), served.get(key.customerId()).category(key.category()),
                    direct.values(key, AS_OF));
            compared++;
        }
        for (EntityKey key : direct.keys(Entity.CUSTOMER_OFFER)) {
            assertSameValues(key.toString(), served.get(key.customerId()).customerOffer(OfferId.of(key.offerId())),
                    direct.values(key, AS_OF));
            compared++;
        }
        List<OfferId> offerIds = OFFERS.offers().stream().map(o -> o.id()).toList();
        Map<OfferId, Map<String, FeatureValue>> servedOffers = features.offers(offerIds, AS_OF);
        for (OfferId offer : offerIds) {
            assertSameValues(offer.value(), servedOffers.get(offer), direct.values(EntityKey.offer(offer.value()), AS_OF));
        }
        assertThat(compared).isGreaterThan(150);
        assertThat(store.watermarkMicros().getAsLong()).isGreaterThan(cut);
    }

    @Test
    void concurrentBatchesForOneCustomerLoseNoUpdate() throws Exception {
        int threads = 8;
        int batchesPerThread = 25;
        EventApplier applier = new EventApplier(store, SPEC, OFFERS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batchesPerThread; b++) {
                        long time = AS_OF - RandomRows.DAY + (thread * batchesPerThread + b) * 1_000_000L;
                        String id = "t" + thread + "-" + b;
                        applier.apply(List.of(
                                SourceRow.event("v" + id, "hot", time, "page_view", "RUN-1", "running", "s" + id, null),
                                SourceRow.event("k" + id, "hot", time, "email_click", null, null, null, "o-shoe")));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        OnlineFeatures features = new OnlineFeatures(store, SPEC, OFFERS, Duration.ofDays(2), Duration.ZERO,
                Clock.systemUTC());
        long total = (long) threads * batchesPerThread;
        CustomerFeatures hot = features.customer(CustomerId.of("hot"), AS_OF);
        assertThat(hot.customer().get("views_all").value()).isEqualTo(total);
        assertThat(hot.customer().get("sessions_7d").value()).isEqualTo(total);
        assertThat(hot.category("running").get("cat_views_7d").value()).isEqualTo(total);
        assertThat(features.offer(OfferId.of("o-shoe"), AS_OF).get("offer_clicks_7d").value()).isEqualTo(total);
    }

    @Test
    void aProfileUpsertKeepsTheStateAndAnErasureForgetsEverything() {
        EventApplier applier = new EventApplier(store, SPEC, OFFERS);
        applier.apply(List.of(SourceRow.event("e1", "c9", AS_OF - 1_000_000, "page_view", "RUN-1", "running", "s1",
                null)));
        CustomerProfile profile = new CustomerProfile("c9", null, 1990, null, "West", "US", List.of(), false);

        applier.upsertProfile(profile);

        CustomerRecord record = store.customer(CustomerId.of("c9")).orElseThrow();
        assertThat(record.profile()).isEqualTo(profile);
        assertThat(record.state()).extracting(StateRow::feature).contains("views_all", "cat_views_7d");

        assertThat(applier.erase(CustomerId.of("c9"))).isTrue();
        assertThat(store.customer(CustomerId.of("c9"))).isEmpty();
        OnlineFeatures features = new OnlineFeatures(store, SPEC, OFFERS, Duration.ofDays(2), Duration.ZERO,
                Clock.systemUTC());
        CustomerFeatures erased = features.customer(CustomerId.of("c9"), AS_OF);
        assertThat(erased.known()).isFalse();
        assertThat(erased.customer().get("views_all").value()).isEqualTo(0L);
        assertThat(erased.customer().get("region").value()).isNull();
    }

    static IncrementalAggregator fixtureAggregator(List<SourceRow> rows) {
        IncrementalAggregator aggregator = new IncrementalAggregator(SPEC, OFFERS);
        rows.forEach(aggregator::accept);
        return aggregator;
    }

    OnlineSnapshot snapshotOf(IncrementalAggregator aggregator, List<CustomerProfile> profiles, long asOf) {
        Path dir = SnapshotWriter.write(tmp.resolve("online-" + asOf), SPEC, aggregator, profiles,
                RandomRows.productCategories(), asOf);
        return OnlineSnapshot.open(dir, SPEC);
    }

    private static List<String> customersOf(IncrementalAggregator direct, List<CustomerProfile> profiles) {
        java.util.TreeSet<String> customers = new java.util.TreeSet<>();
        profiles.forEach(p -> customers.add(p.customerId()));
        direct.keys(Entity.CUSTOMER).forEach(k -> customers.add(k.customerId()));
        return List.copyOf(customers);
    }
}
