package dev.nbo.serving.store;

import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import dev.nbo.models.online.OnlineSnapshot;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable home of online feature state: one record per customer (profile and the state rows of its customer,
 * customer x category and customer x offer features), one per offer (offer-entity state), the product to category
 * map, and a little metadata. Records are stored whole, so one read gives everything a request needs about a customer.
 *
 * <p>Implementations are thread-safe. A put replaces the whole record; read-modify-write sequences are the caller's to
 * serialise ({@link EventApplier} does it with per-customer locks).
 */
public interface OnlineStore extends AutoCloseable {

    /** The customer's record, or empty for a customer the store does not know. */
    Optional<CustomerRecord> customer(CustomerId id);

    /** Stores (replaces) a customer's record. */
    void putCustomer(CustomerId id, CustomerRecord record);

    /** Forgets everything stored under the customer (GDPR erasure); true when there was something to forget. */
    boolean deleteCustomer(CustomerId id);

    /** The record of one offer, or empty when no state was ever stored for it. */
    Optional<OfferRecord> offer(OfferId id);

    /** The records of several offers in one round trip; offers without a record are absent from the map. */
    Map<OfferId, OfferRecord> offers(Collection<OfferId> ids);

    /** Stores (replaces) an offer's record. */
    void putOffer(OfferRecord record);

    /** The category of a product, for enriching incoming events. */
    Optional<String> category(String productId);

    /**
     * Writes every customer, offer and product of a snapshot (replacing records with the same key; records the
     * snapshot does not hold are kept), remembers its spec hash and advances the watermark to its as-of time.
     */
    LoadSummary bulkLoad(OnlineSnapshot snapshot);

    /** How many customers have a record. */
    long customerCount();

    /** How many offers have a record. */
    long offerCount();

    /** The feature-spec hash of the last snapshot loaded, or empty when none was. */
    Optional<String> specHash();

    /**
     * The time (epoch micros) up to which the store has seen data: the latest of the loaded snapshot's as-of time and
     * the applied rows' times. Empty for a store that never received any.
     */
    OptionalLong watermarkMicros();

    /** Moves the watermark to {@code micros} if that is later than the current one; never moves it back. */
    void advanceWatermark(long micros);

    /**
     * Records that the event log's records before {@code sequence} are in the store. Written after the rows it covers,
     * and made durable by the same {@link #flush()}, so a crash never leaves a recorded position ahead of the data;
     * the event ingestor then resumes from it instead of re-applying a round its own checkpoint missed.
     */
    void markEventsApplied(long sequence);

    /** The position {@link #markEventsApplied} last recorded; empty when none was. */
    OptionalLong eventsApplied();

    /**
     * Runs {@code writes} — a write-back's records and the event-log position they cover ({@link #markEventsApplied})
     * — so that after a crash the store holds all of them or none, then makes them durable. The embedded store
     * records where the writes began and, on open, rolls an interrupted write-back back to that point (the event
     * log then replays it). This default writes as it goes, then flushes: on Redis a crash inside leaves the first
     * writes without their position, and the replay applies those rows again (docs/online-store.md).
     */
    default void writeAtomically(Runnable writes) {
        writes.run();
        flush();
    }

    /**
     * Makes everything written so far survive a crash of this process. The event ingestor calls it before it records
     * a batch as applied: otherwise a crash could lose applied events that the checkpoint says need no replay.
     * Stores whose writes are already outside the process (Redis) have nothing to do.
     */
    default void flush() {
    }

    /** Makes written records durable and releases the backend. */
    @Override
    void close();
}
