package dev.nbo.serving.store;

import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads feature values at request time: one store read per customer, rebuilt into an {@link IncrementalAggregator}
 * with the customer's state, and offer-entity values served from a short-lived cache (offer state changes with every
 * customer's events, but a scoring request asks for 50+ offers and one more minute of lag in an offer-wide count does
 * not change a ranking).
 *
 * <p>A request reads the customer's record and, at most once per cache TTL, the store's watermark; offers not cached
 * are read together in one round trip. An offer's cached values are reused while they are younger than the cache TTL
 * (wall clock) and were computed at an as-of time within the TTL of the asked one; otherwise they are recomputed.
 */
public final class OnlineFeatures {
    private final OnlineStore store;
    private final FeatureSpec spec;
    private final OfferCatalog offers;
    private final Duration staleAfter;
    private final Duration offerCacheTtl;
    private final Clock clock;
    private final Function<CustomerId, EventApplier.Current> customers;
    private final Map<OfferId, CachedOffer> offerCache = new ConcurrentHashMap<>();
    private volatile CachedWatermark watermark;

    private record CachedOffer(long asOfMicros, long computedAtMillis, Map<String, FeatureValue> values) {
    }

    private record CachedWatermark(OptionalLong micros, long readAtMillis) {
    }

    /**
     * @param staleAfter    maximum age of the store's data (as-of time minus watermark) before values are flagged stale
     * @param offerCacheTtl how long offer values are reused; zero disables the cache
     */
    public OnlineFeatures(OnlineStore store, FeatureSpec spec, OfferCatalog offers, Duration staleAfter,
                          Duration offerCacheTtl, Clock clock) {
        this(store, spec, offers, staleAfter, offerCacheTtl, clock,
                id -> new EventApplier.Current(store.customer(id), List.of()));
    }

    /**
     * Reads customers through {@code applier}: a customer's features then include the rows staged in it (durable in
     * the event log, not yet written to the store), so a request sees every event acknowledged before it.
     */
    public OnlineFeatures(OnlineStore store, FeatureSpec spec, OfferCatalog offers, Duration staleAfter,
                          Duration offerCacheTtl, Clock clock, EventApplier applier) {
        this(store, spec, offers, staleAfter, offerCacheTtl, clock, applier::current);
    }

    private OnlineFeatures(OnlineStore store, FeatureSpec spec, OfferCatalog offers, Duration staleAfter,
                           Duration offerCacheTtl, Clock clock, Function<CustomerId, EventApplier.Current> customers) {
        if (staleAfter.isNegative() || offerCacheTtl.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative: stale_after=" + staleAfter
                    + ", offer cache TTL=" + offerCacheTtl);
        }
        Optional<String> storedHash = store.specHash();
        if (storedHash.isPresent() && !storedHash.get().equals(spec.hash())) {
            throw new IllegalArgumentException(store + " was loaded with other feature definitions (spec hash "
                    + storedHash.get() + ") than " + spec.origin() + " (" + spec.hash() + "); reload it from an"
                    + " online snapshot built with this spec");
        }
        this.store = store;
        this.spec = spec;
        this.offers = offers;
        this.staleAfter = staleAfter;
        this.offerCacheTtl = offerCacheTtl;
        this.clock = clock;
        this.customers = customers;
    }

    /** The customer's features as of {@code asOfMicros}, from one store read (plus the staged rows, if any). */
    public CustomerFeatures customer(CustomerId id, long asOfMicros) {
        EventApplier.Current current = customers.apply(id);
        Optional<CustomerRecord> record = current.record();
        IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
        record.ifPresent(r -> {
            if (r.profile() != null) {
                aggregator.upsertProfile(r.profile());
            }
            r.state().forEach(aggregator::importState);
        });
        current.staged().forEach(aggregator::accept);
        return new CustomerFeatures(id, asOfMicros, current.known(), isStale(asOfMicros), aggregator,
                Unsubscribes.apply(id.value(), record.map(CustomerRecord::profile).orElse(null), current.staged()));
    }

    /**
     * True when the store's latest data is older than {@code stale_after} at {@code asOfMicros}, or absent. The
     * watermark is re-read at most once per offer cache TTL: staleness is measured in hours or days, and a store read
     * per request for it would double the customer's round trips.
     */
    public boolean isStale(long asOfMicros) {
        OptionalLong micros = watermark().micros();
        return micros.isEmpty() || asOfMicros - micros.getAsLong() > staleAfter.toNanos() / 1000;
    }

    private CachedWatermark watermark() {
        long now = clock.millis();
        CachedWatermark cached = watermark;
        if (cached == null || now - cached.readAtMillis() >= offerCacheTtl.toMillis()) {
            cached = new CachedWatermark(store.watermarkMicros(), now);
            watermark = cached;
        }
        return cached;
    }

    /** The offer-entity features of one offer, in spec order. */
    public Map<String, FeatureValue> offer(OfferId id, long asOfMicros) {
        CachedOffer cached = offerCache.get(id);
        if (cached != null && isFresh(cached, asOfMicros, clock.millis())) {
            return cached.values(); // asked once per candidate of every decision: no batch for one cached offer
        }
        return offers(List.of(id), asOfMicros).get(id);
    }

    /** The offer-entity features of several offers (one store round trip for those not cached), in request order. */
    public Map<OfferId, Map<String, FeatureValue>> offers(Collection<OfferId> ids, long asOfMicros) {
        long now = clock.millis();
        Map<OfferId, Map<String, FeatureValue>> values = new LinkedHashMap<>();
        List<OfferId> toLoad = new ArrayList<>();
        for (OfferId id : ids) {
            CachedOffer cached = offerCache.get(id);
            if (cached != null && isFresh(cached, asOfMicros, now)) {
                values.put(id, cached.values());
            } else {
                values.put(id, null);
                toLoad.add(id);
            }
        }
        if (!toLoad.isEmpty()) {
            Map<OfferId, OfferRecord> records = store.offers(toLoad);
            IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
            records.values().forEach(record -> record.state().forEach(aggregator::importState));
            for (OfferId id : toLoad) {
                Map<String, FeatureValue> computed =
                        Collections.unmodifiableMap(aggregator.values(EntityKey.offer(id.value()), asOfMicros));
                values.put(id, computed);
                if (!offerCacheTtl.isZero()) {
                    offerCache.put(id, new CachedOffer(asOfMicros, now, computed));
                }
            }
        }
        return values;
    }

    private boolean isFresh(CachedOffer cached, long asOfMicros, long nowMillis) {
        long ttlMillis = offerCacheTtl.toMillis();
        return nowMillis - cached.computedAtMillis() < ttlMillis
                && Math.abs(asOfMicros - cached.asOfMicros()) < ttlMillis * 1000;
    }
}
