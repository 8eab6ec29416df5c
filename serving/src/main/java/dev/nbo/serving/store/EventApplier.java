package dev.nbo.serving.store;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Applies new rows (events, order lines), profile upserts and erasures to an {@link OnlineStore}, with the same
 * {@link IncrementalAggregator} the offline pipeline is parity-tested against.
 *
 * <p>Each customer's record is updated read-modify-write under that customer's lock, so two batches for one customer
 * never lose an update. Offer records aggregate over all customers: a batch's rows are first summarised into per-day
 * offer deltas, which are then merged into each offer's record under that offer's lock. Merging daily summaries is
 * exactly what loading the Spark snapshot does, so the result equals feeding the rows directly. The two kinds of lock
 * are never held together, so there is no lock ordering to get wrong.
 *
 * <p>The locks are in-process: several serving instances writing the same Redis need one writer per customer (for
 * example events partitioned by customer id), see {@code docs/online-store.md}.
 */
public final class EventApplier {
    private static final int STRIPES = 1024;

    private final OnlineStore store;
    private final FeatureSpec spec;
    private final OfferCatalog offers;
    private final StripedLocks customerLocks = new StripedLocks(STRIPES);
    private final StripedLocks offerLocks = new StripedLocks(STRIPES);

    public EventApplier(OnlineStore store, FeatureSpec spec, OfferCatalog offers) {
        this.store = store;
        this.spec = spec;
        this.offers = offers;
    }

    /** Applies a batch of rows, in any order; returns how many customers it touched. */
    public int apply(List<SourceRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // ids are checked before anything is written, so that a bad row refuses the batch instead of half-applying it
        Map<CustomerId, List<SourceRow>> byCustomer = rows.stream().collect(Collectors.groupingBy(
                row -> CustomerId.of(row.customerId()), LinkedHashMap::new, Collectors.toList()));
        byCustomer.forEach(this::updateCustomer);
        applyOfferDeltas(rows);
        store.advanceWatermark(rows.stream().mapToLong(SourceRow::timeMicros).max().orElseThrow());
        return byCustomer.size();
    }

    /** Sets or replaces a customer's profile (a CRM sync), keeping the customer's behavioural state. */
    public void upsertProfile(CustomerProfile profile) {
        CustomerId id = CustomerId.of(profile.customerId());
        withLock(customerLocks, id.value(), () -> {
            List<StateRow> state = store.customer(id).map(CustomerRecord::state).orElse(List.of());
            store.putCustomer(id, new CustomerRecord(profile, state));
        });
    }

    /**
     * Forgets a customer (GDPR erasure): profile and every customer-keyed state. Offer aggregates keep only counts
     * over all customers, plus the ids inside count-distinct sets, which the next snapshot rebuild drops.
     */
    public boolean erase(CustomerId id) {
        boolean[] erased = new boolean[1];
        withLock(customerLocks, id.value(), () -> erased[0] = store.deleteCustomer(id));
        return erased[0];
    }

    private void updateCustomer(CustomerId id, List<SourceRow> rows) {
        withLock(customerLocks, id.value(), () -> {
            Optional<CustomerRecord> current = store.customer(id);
            IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
            current.ifPresent(record -> record.state().forEach(aggregator::importState));
            rows.forEach(aggregator::accept);
            // offer-keyed rows of this customer's events go to the offer records, not into the customer's
            List<StateRow> state = aggregator.exportState().filter(row -> row.key().customerId() != null).toList();
            store.putCustomer(id, new CustomerRecord(current.map(CustomerRecord::profile).orElse(null), state));
        });
    }

    private void applyOfferDeltas(List<SourceRow> rows) {
        if (spec.features(Entity.OFFER).stream().noneMatch(FeatureDefinition::isBehavioural)) {
            return;
        }
        IncrementalAggregator delta = new IncrementalAggregator(spec, offers);
        rows.forEach(delta::accept);
        Map<String, List<StateRow>> byOffer = delta.exportState()
                .filter(row -> row.key().entity() == Entity.OFFER)
                .collect(Collectors.groupingBy(row -> row.key().offerId()));
        for (Map.Entry<String, List<StateRow>> entry : byOffer.entrySet()) {
            OfferId id = OfferId.of(entry.getKey());
            withLock(offerLocks, id.value(), () -> {
                IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
                store.offer(id).ifPresent(record -> record.state().forEach(aggregator::importState));
                entry.getValue().forEach(aggregator::importState);
                store.putOffer(new OfferRecord(id.value(), aggregator.exportState().toList()));
            });
        }
    }

    private static void withLock(StripedLocks locks, String key, Runnable action) {
        ReentrantLock lock = locks.lockFor(key);
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }
}
