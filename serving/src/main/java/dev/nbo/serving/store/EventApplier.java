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
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Applying can also be split in two ({@link #accept} then {@link #writeBack}): {@code accept} feeds the rows into
 * an in-memory aggregator per customer, kept between calls for recently active customers (at most
 * {@link #DEFAULT_CACHED_CUSTOMERS}, the least recently used clean ones evicted), and {@code writeBack} writes every
 * customer changed since the last one, with the offer deltas, in one pass. The rows stay staged until they are
 * written, so reads see them exactly once throughout. The event ingestor accepts every round and writes back about
 * once a second: a customer active in ten rounds is then decoded, imported, exported and encoded once, not ten times
 * (docs/event-ingestion.md). What is only in memory is re-derivable from the event log: the ingestor checkpoints a
 * position only after the write-back that made it durable. The cache assumes this process is the only writer of its
 * customers' records, as the per-customer locks already do.
 *
 * <p>The locks are in-process: several serving instances writing the same Redis need one writer per customer (for
 * example events partitioned by customer id), see {@code docs/online-store.md}.
 */
public final class EventApplier {
    private static final int STRIPES = 1024;
    /** How many customers' aggregators {@link #accept} keeps in memory by default (tens of KB each for the demo). */
    public static final int DEFAULT_CACHED_CUSTOMERS = 20_000;

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
    private final int cachedCustomers;
    /** Per customer id, the aggregator of its stored state plus the rows accepted since; guarded by its lock. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Customers with accepted rows not written yet (changed under the customer's lock). */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicLong uses = new AtomicLong();
    /** The latest time of the rows accepted since the last write-back; the watermark moves there at the write. */
    private final AtomicLong acceptedUntil = new AtomicLong(Long.MIN_VALUE);
    /** One write-back at a time; it owns the offer deltas collected from the customers it writes. */
    private final Object writing = new Object();
    private final List<StateRow> offerDeltas = new ArrayList<>();

    /**
     * A customer's features state between write-backs: the aggregator (its customer-keyed state as stored, plus the
     * rows accepted since, whose offer-keyed state moves to the offer records at the write) and its profile.
     */
    private static final class Cached {
        final IncrementalAggregator aggregator;
        CustomerProfile profile;
        /** Rows accepted and not written yet, in order: staged ones leave the staged rows when they are written. */
        final List<SourceRow> unwritten = new ArrayList<>();
        long lastUse;

        Cached(IncrementalAggregator aggregator, CustomerProfile profile) {
            this.aggregator = aggregator;
            this.profile = profile;
        }
    }

    /** What a read sees of one customer: the stored record and the staged rows not in it yet. */
    public record Current(Optional<CustomerRecord> record, List<SourceRow> staged) {
        public boolean known() {
            return record.isPresent() || !staged.isEmpty();
        }
    }

    public EventApplier(OnlineStore store, FeatureSpec spec, OfferCatalog offers) {
        this(store, spec, offers, DEFAULT_CACHED_CUSTOMERS);
    }

    /** @param cachedCustomers how many customers' aggregators to keep in memory between write-backs (at least 1) */
    public EventApplier(OnlineStore store, FeatureSpec spec, OfferCatalog offers, int cachedCustomers) {
        if (cachedCustomers < 1) {
            throw new IllegalArgumentException("the applier must cache at least 1 customer; got " + cachedCustomers);
        }
        this.store = store;
        this.spec = spec;
        this.offers = offers;
        this.cachedCustomers = cachedCustomers;
    }

    /**
     * Applies a batch of rows, in any order, and writes them to the store ({@link #accept} then {@link #writeBack});
     * returns how many customers it touched.
     */
    public int apply(List<SourceRow> rows) {
        int customers = accept(rows);
        writeBack();
        return customers;
    }

    /**
     * Applies rows to the in-memory state of their customers, without writing the store; {@link #writeBack} writes
     * them. Staged rows stay staged (visible to {@link #current}) until then. Returns how many customers it touched.
     */
    public int accept(List<SourceRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // ids are checked before anything is applied, so that a bad row refuses the batch instead of half-applying it
        Map<CustomerId, List<SourceRow>> byCustomer = byCustomer(rows);
        // store reads first: a failing store then leaves nothing half-accepted (a retry would count rows twice)
        byCustomer.keySet().forEach(id -> withLock(customerLocks, id.value(), () -> {
            if (!cache.containsKey(id.value())) {
                cache.put(id.value(), load(id));
            }
        }));
        long use = uses.incrementAndGet();
        byCustomer.forEach((id, customerRows) -> withLock(customerLocks, id.value(),
                () -> acceptCustomer(id, customerRows, use)));
        long latest = Long.MIN_VALUE;
        for (SourceRow row : rows) {
            latest = Math.max(latest, row.timeMicros());
        }
        acceptedUntil.accumulateAndGet(latest, Math::max);
        return byCustomer.size();
    }

    /**
     * True when more customers hold unwritten rows than the cache is sized for: the caller should write back now, so
     * that the aggregators in memory stay bounded when many distinct customers are active (it is a soft bound: one
     * {@link #accept} call can go beyond it by its own customers).
     */
    public boolean cacheFull() {
        return dirty.size() >= cachedCustomers;
    }

    /**
     * Writes every customer whose rows were accepted since the last write-back (record, then un-staging its rows,
     * under its lock), then merges the offer deltas of those rows into the offer records and advances the watermark.
     * A failure leaves what was not written to the next call; each customer's record is written whole, and an offer's
     * delta leaves the queue once merged, so a retry writes nothing twice.
     */
    public void writeBack() {
        synchronized (writing) {
            for (String customer : List.copyOf(dirty)) {
                CustomerId id = CustomerId.of(customer);
                withLock(customerLocks, customer, () -> writeCustomer(id));
            }
            applyOfferDeltas();
            long until = acceptedUntil.getAndSet(Long.MIN_VALUE);
            if (until != Long.MIN_VALUE) {
                store.advanceWatermark(until);
            }
            evict();
        }
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
            Cached cached = cache.get(id.value());
            if (cached != null) {
                // the rows not written yet apply on top of the new profile, as reads see them (staged)
                cached.profile = Unsubscribes.apply(id.value(), profile, cached.unwritten);
            }
        });
    }

    /**
     * Forgets a customer (GDPR erasure), durably: profile, every customer-keyed state and the staged rows (which are
     * then never applied). Offer aggregates keep only counts over all customers, plus the ids inside count-distinct
     * sets, which the next snapshot rebuild drops.
     */
    public boolean erase(CustomerId id) {
        boolean[] erased = new boolean[1];
        withLock(customerLocks, id.value(), () -> {
            Cached cached = cache.remove(id.value());
            dirty.remove(id.value());
            Set<SourceRow> accepted = Collections.newSetFromMap(new IdentityHashMap<>());
            if (cached != null) {
                accepted.addAll(cached.unwritten);
            }
            Deque<SourceRow> dropped = staged.remove(id.value());
            if (dropped != null) {
                // rows already accepted went with the cached state; the others must be skipped when they come
                dropped.stream().filter(row -> !accepted.contains(row)).forEach(erasedBeforeApply::add);
            }
            erased[0] = store.deleteCustomer(id) | dropped != null | !accepted.isEmpty();
        });
        // durable before the answer; outside the lock, since a flush waits for a running write-back, which takes it
        store.flush();
        return erased[0];
    }

    private static Map<CustomerId, List<SourceRow>> byCustomer(List<SourceRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> CustomerId.of(row.customerId()),
                LinkedHashMap::new, Collectors.toList()));
    }

    /** Feeds one customer's rows into its cached aggregator (loaded from the store on a miss); under its lock. */
    private void acceptCustomer(CustomerId id, List<SourceRow> customerRows, long use) {
        List<SourceRow> rows = notErased(customerRows);
        Cached cached = cache.get(id.value());
        if (rows.isEmpty() && (cached == null || cached.unwritten.isEmpty())) {
            // only rows of an erased customer: nothing to write, and the customer must not come back
            unstage(id, customerRows);
            return;
        }
        if (cached == null) {
            // erased since the load: these rows were not staged (a replay), so they are the customer's new state
            cached = load(id);
            cache.put(id.value(), cached);
        }
        for (SourceRow row : rows) {
            cached.aggregator.accept(row);
        }
        cached.profile = Unsubscribes.apply(id.value(), cached.profile, rows);
        cached.unwritten.addAll(customerRows);
        cached.lastUse = use;
        dirty.add(id.value());
    }

    private Cached load(CustomerId id) {
        Optional<CustomerRecord> record = store.customer(id);
        IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
        record.ifPresent(r -> r.state().forEach(aggregator::importState));
        return new Cached(aggregator, record.map(CustomerRecord::profile).orElse(null));
    }

    /**
     * Writes one customer's record from its cached state and un-stages the rows it now holds; the offer-keyed state
     * of those rows joins {@link #offerDeltas}. Under the customer's lock and {@link #writing}.
     */
    private void writeCustomer(CustomerId id) {
        Cached cached = cache.get(id.value());
        if (cached != null && !cached.unwritten.isEmpty()) {
            List<StateRow> state = new ArrayList<>();
            List<StateRow> deltas = new ArrayList<>();
            // offer-keyed state of this customer's events goes to the offer records, not into the customer's
            cached.aggregator.forEachState(row -> (row.key().entity() == Entity.OFFER ? deltas : state).add(row));
            store.putCustomer(id, new CustomerRecord(cached.profile, state));
            offerDeltas.addAll(deltas);
            cached.aggregator.forget(Entity.OFFER);
            // after the put: a reader that finds nothing staged reads the record without the lock
            unstage(id, cached.unwritten);
            cached.unwritten.clear();
        }
        dirty.remove(id.value());
    }

    /** Drops the least recently used customers beyond the cache's size, among those with nothing unwritten. */
    private void evict() {
        int excess = cache.size() - cachedCustomers;
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<String, Cached>> byAge = new ArrayList<>(cache.entrySet());
        byAge.sort(java.util.Comparator.comparingLong(entry -> entry.getValue().lastUse));
        for (Map.Entry<String, Cached> entry : byAge) {
            if (excess <= 0) {
                return;
            }
            String customer = entry.getKey();
            boolean[] evicted = new boolean[1];
            withLock(customerLocks, customer, () -> evicted[0] = entry.getValue().unwritten.isEmpty()
                    && cache.remove(customer, entry.getValue()));
            if (evicted[0]) {
                excess--;
            }
        }
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

    /** Merges the collected offer deltas into the offer records; an offer's deltas leave the queue once written. */
    private void applyOfferDeltas() {
        Map<String, List<StateRow>> byOffer = offerDeltas.stream().collect(Collectors.groupingBy(
                row -> row.key().offerId(), LinkedHashMap::new, Collectors.toList()));
        Set<String> merged = new java.util.HashSet<>();
        try {
            for (Map.Entry<String, List<StateRow>> entry : byOffer.entrySet()) {
                OfferId id = OfferId.of(entry.getKey());
                withLock(offerLocks, id.value(), () -> {
                    IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
                    store.offer(id).ifPresent(record -> record.state().forEach(aggregator::importState));
                    entry.getValue().forEach(aggregator::importState);
                    List<StateRow> state = new ArrayList<>();
                    aggregator.forEachState(state::add);
                    store.putOffer(new OfferRecord(id.value(), state));
                });
                merged.add(entry.getKey());
            }
        } finally {
            // merged deltas must not be merged again when a later offer failed
            offerDeltas.removeIf(row -> merged.contains(row.key().offerId()));
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
