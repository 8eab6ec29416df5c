package dev.nbo.serving.store;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.aggregate.StateRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Applies new rows (events, order lines), profile upserts and erasures to an {@link OnlineStore}, with the same
 * {@link IncrementalAggregator} the offline pipeline is parity-tested against.
 *
 * <p>Each customer's record is updated read-modify-write under that customer's lock, so two batches for one customer
 * never lose an update. Offer records aggregate over all customers: the offer-keyed state each customer's rows produce
 * in that customer's aggregator (per-day offer deltas; every row is aggregated once) is merged into each offer's
 * record under that offer's lock. Merging daily summaries is
 * exactly what loading the Spark snapshot does, so the result equals feeding the rows directly. The two kinds of lock
 * are never held together, so there is no lock ordering to get wrong.
 *
 * <p>Events can be <em>staged</em> before they are applied: {@link #stage} makes rows that are durable in the event log
 * visible to {@link #current} at once, and {@link #apply} (later, from the ingestor's applier thread, many batches at
 * a time) writes them into the records and un-stages them under the same customer lock, so a reader sees each row
 * exactly once — in the record or among the staged rows. This is what keeps read-your-writes while the store is
 * written behind the event log (docs/event-ingestion.md).
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
    /** Per customer id, rows staged and not yet applied, in log order; guarded by the customer's lock. */
    private final Map<String, Deque<SourceRow>> staged = new ConcurrentHashMap<>();
    /** Staged rows of customers erased before the rows were applied: {@link #apply} skips them (by identity). */
    private final Set<SourceRow> erasedBeforeApply = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    /** What a read sees of one customer: the stored record and the staged rows not in it yet. */
    public record Current(Optional<CustomerRecord> record, List<SourceRow> staged) {
        public boolean known() {
            return record.isPresent() || !staged.isEmpty();
        }
    }

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
        Map<CustomerId, List<SourceRow>> byCustomer = byCustomer(rows);
        List<StateRow> offerDeltas = new ArrayList<>();
        byCustomer.forEach((id, customerRows) -> updateCustomer(id, customerRows, offerDeltas));
        applyOfferDeltas(offerDeltas);
        store.advanceWatermark(rows.stream().mapToLong(SourceRow::timeMicros).max().orElseThrow());
        return byCustomer.size();
    }

    /**
     * Makes rows visible to {@link #current} before they are applied; {@link #apply} must later get these very row
     * objects, in the same order (it recognises them by identity). Call it in log order.
     */
    public void stage(List<SourceRow> rows) {
        for (Map.Entry<CustomerId, List<SourceRow>> entry : byCustomer(rows).entrySet()) {
            withLock(customerLocks, entry.getKey().value(), () -> staged.computeIfAbsent(entry.getKey().value(),
                    id -> new ArrayDeque<>()).addAll(entry.getValue()));
        }
    }

    /** The customer's stored record and staged rows, read consistently (never a row in both, never in neither). */
    public Current current(CustomerId id) {
        if (!staged.containsKey(id.value())) {
            // nothing staged when the read began: a row staged from now on was acknowledged after it
            return new Current(store.customer(id), List.of());
        }
        Current[] current = new Current[1];
        withLock(customerLocks, id.value(), () -> current[0] = new Current(store.customer(id),
                List.copyOf(staged.getOrDefault(id.value(), new ArrayDeque<>()))));
        return current[0];
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
     * Forgets a customer (GDPR erasure): profile, every customer-keyed state and the staged rows (which are then
     * never applied). Offer aggregates keep only counts over all customers, plus the ids inside count-distinct sets,
     * which the next snapshot rebuild drops.
     */
    public boolean erase(CustomerId id) {
        boolean[] erased = new boolean[1];
        withLock(customerLocks, id.value(), () -> {
            Deque<SourceRow> dropped = staged.remove(id.value());
            if (dropped != null) {
                erasedBeforeApply.addAll(dropped);
            }
            erased[0] = store.deleteCustomer(id) | dropped != null;
        });
        return erased[0];
    }

    private static Map<CustomerId, List<SourceRow>> byCustomer(List<SourceRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> CustomerId.of(row.customerId()),
                LinkedHashMap::new, Collectors.toList()));
    }

    /** Applies one customer's rows; the offer-keyed state they produce is added to {@code offerDeltas}. */
    private void updateCustomer(CustomerId id, List<SourceRow> customerRows, List<StateRow> offerDeltas) {
        withLock(customerLocks, id.value(), () -> {
            List<SourceRow> rows = notErased(customerRows);
            if (!rows.isEmpty()) {
                Optional<CustomerRecord> current = store.customer(id);
                IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
                current.ifPresent(record -> record.state().forEach(aggregator::importState));
                rows.forEach(aggregator::accept);
                // offer-keyed state of this customer's events goes to the offer records, not into the customer's
                List<StateRow> state = new ArrayList<>();
                aggregator.exportState().forEach(row -> (row.key().entity() == Entity.OFFER ? offerDeltas : state)
                        .add(row));
                CustomerProfile profile = Unsubscribes.apply(id.value(),
                        current.map(CustomerRecord::profile).orElse(null), rows);
                store.putCustomer(id, new CustomerRecord(profile, state));
            }
            // after the put: a reader that finds nothing staged reads the record without the lock
            unstage(id, customerRows);
        });
    }

    /** The rows to write into the record: all of them but staged ones whose customer was erased meanwhile. */
    private List<SourceRow> notErased(List<SourceRow> rows) {
        if (erasedBeforeApply.isEmpty()) {
            return rows;
        }
        return rows.stream().filter(row -> !erasedBeforeApply.remove(row)).toList();
    }

    /** Removes the applied rows from the customer's staged rows (they head it, in the same order). */
    private void unstage(CustomerId id, List<SourceRow> rows) {
        Deque<SourceRow> waiting = staged.get(id.value());
        if (waiting == null) {
            return;
        }
        for (SourceRow row : rows) {
            if (waiting.peekFirst() == row) {
                waiting.pollFirst();
            }
        }
        if (waiting.isEmpty()) {
            staged.remove(id.value());
        }
    }

    private void applyOfferDeltas(List<StateRow> deltas) {
        Map<String, List<StateRow>> byOffer = deltas.stream().collect(Collectors.groupingBy(
                row -> row.key().offerId()));
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
