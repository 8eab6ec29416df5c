package dev.nbo.serving.store;

import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.online.CustomerRecord;
import dev.nbo.models.online.OfferRecord;
import dev.nbo.models.online.OnlineSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The online store in one local file, on H2 MVStore: zero setup, durable across restarts.
 *
 * <p>Commit policy: MVStore's background auto-commit writes changes at most {@link #AUTO_COMMIT_MILLIS} after they
 * are made; {@link #flush()} commits at once (the server calls it after every applied event batch, before the event
 * log records the batch as applied); a bulk load commits once at its end; {@link #close()} commits everything. A
 * commit per put would turn every event into a file write and chunk, for little gain.
 */
public final class EmbeddedOnlineStore implements OnlineStore {
    static final int AUTO_COMMIT_MILLIS = 1000;
    private static final String SPEC_HASH = "spec_hash";
    private static final String WATERMARK = "watermark_us";
    /** The event-log position the store holds the events of; committed with them (exactly-once after a crash). */
    private static final String EVENTS_APPLIED = "events_applied";

    private final Path file;
    private final MVStore store;
    private final MVMap<String, byte[]> customers;
    private final MVMap<String, byte[]> offers;
    private final MVMap<String, String> products;
    private final MVMap<String, String> meta;

    private EmbeddedOnlineStore(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.customers = store.openMap("customers");
        this.offers = store.openMap("offers");
        this.products = store.openMap("products");
        this.meta = store.openMap("meta");
    }

    /** Opens (or creates) the store file; its folder is created when missing. */
    public static EmbeddedOnlineStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the online store " + file + ": "
                    + e.getMessage(), e);
        }
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).open();
            store.setAutoCommitDelay(AUTO_COMMIT_MILLIS);
            return new EmbeddedOnlineStore(file, store);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the online store file " + file + " (is another process using"
                    + " it?): " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<CustomerRecord> customer(CustomerId id) {
        byte[] bytes = customers.get(id.value());
        return bytes == null ? Optional.empty() : Optional.of(RecordCodec.decodeCustomer(id.value(), bytes));
    }

    @Override
    public void putCustomer(CustomerId id, CustomerRecord record) {
        customers.put(id.value(), RecordCodec.encodeCustomer(id.value(), record));
    }

    @Override
    public boolean deleteCustomer(CustomerId id) {
        return customers.remove(id.value()) != null;
    }

    @Override
    public Optional<OfferRecord> offer(OfferId id) {
        byte[] bytes = offers.get(id.value());
        return bytes == null ? Optional.empty() : Optional.of(RecordCodec.decodeOffer(bytes));
    }

    @Override
    public Map<OfferId, OfferRecord> offers(Collection<OfferId> ids) {
        Map<OfferId, OfferRecord> found = new LinkedHashMap<>();
        for (OfferId id : ids) {
            offer(id).ifPresent(record -> found.put(id, record));
        }
        return found;
    }

    @Override
    public void putOffer(OfferRecord record) {
        OfferId id = OfferId.of(record.offerId());
        offers.put(id.value(), RecordCodec.encodeOffer(record));
    }

    @Override
    public Optional<String> category(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    @Override
    public LoadSummary bulkLoad(OnlineSnapshot snapshot) {
        AtomicLong customerCount = new AtomicLong();
        AtomicLong offerCount = new AtomicLong();
        snapshot.forEachCustomer(record -> {
            String id = record.profile().customerId();
            customers.put(id, RecordCodec.encodeCustomer(id, record));
            customerCount.incrementAndGet();
        });
        snapshot.forEachOffer(record -> {
            offers.put(record.offerId(), RecordCodec.encodeOffer(record));
            offerCount.incrementAndGet();
        });
        long productCount = 0;
        for (Map.Entry<String, String> product : snapshot.productCategories().entrySet()) {
            if (product.getValue() != null) {
                products.put(product.getKey(), product.getValue());
                productCount++;
            }
        }
        meta.put(SPEC_HASH, snapshot.manifest().specHash());
        advanceWatermark(snapshot.manifest().asOfMicros());
        store.commit();
        return new LoadSummary(customerCount.get(), offerCount.get(), productCount);
    }

    @Override
    public long customerCount() {
        return customers.sizeAsLong();
    }

    @Override
    public long offerCount() {
        return offers.sizeAsLong();
    }

    @Override
    public Optional<String> specHash() {
        return Optional.ofNullable(meta.get(SPEC_HASH));
    }

    @Override
    public OptionalLong watermarkMicros() {
        String value = meta.get(WATERMARK);
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    @Override
    public void advanceWatermark(long micros) {
        // a compare-and-set loop: concurrent appliers must never move the watermark back
        while (true) {
            String current = meta.get(WATERMARK);
            if (current != null && Long.parseLong(current) >= micros) {
                return;
            }
            String next = Long.toString(micros);
            if (current == null ? meta.putIfAbsent(WATERMARK, next) == null : meta.replace(WATERMARK, current, next)) {
                return;
            }
        }
    }

    @Override
    public void markEventsApplied(long sequence) {
        meta.put(EVENTS_APPLIED, Long.toString(sequence));
    }

    @Override
    public OptionalLong eventsApplied() {
        String value = meta.get(EVENTS_APPLIED);
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    /** Commits pending changes to the file (the operating system has them: a killed process loses nothing). */
    @Override
    public void flush() {
        store.commit();
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    @Override
    public String toString() {
        return "embedded online store " + file;
    }
}
