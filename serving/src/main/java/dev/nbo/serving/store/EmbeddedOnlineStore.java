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
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The online store in one local file, on H2 MVStore: zero setup, durable across restarts.
 *
 * <p>Commit policy: MVStore's background auto-commit writes changes at most {@link #AUTO_COMMIT_MILLIS} after they
 * are made (and sooner when much is unsaved); {@link #flush()} commits at once; a bulk load commits once at its end;
 * {@link #close()} commits everything. A commit per put would turn every event into a file write and chunk, for
 * little gain.
 *
 * <p>Auto-commits may land in the middle of a write-back, so {@link #writeAtomically} makes them harmless instead of
 * trying to prevent them: it commits what came before, records that version in the meta map, writes, removes the
 * mark and commits. A store opened with the mark set was interrupted inside a write-back: it is rolled back to the
 * recorded version, whose log position is the one before the write-back, and the event log replays it — so a crash
 * never leaves rows in the store without their position (exactly-once). Flushes and bulk loads wait for a running
 * write-back, so what they commit is never rolled back.
 */
public final class EmbeddedOnlineStore implements OnlineStore {
    static final int AUTO_COMMIT_MILLIS = 1000;
    private static final String SPEC_HASH = "spec_hash";
    private static final String WATERMARK = "watermark_us";
    /** The event-log position the store holds the events of; committed with them (exactly-once after a crash). */
    private static final String EVENTS_APPLIED = "events_applied";
    /** Set while {@link #writeAtomically} runs: the store version to return to if it never finishes. */
    static final String WRITE_BACK_FROM = "write_back_from_version";

    private final Path file;
    private final MVStore store;
    private final MVMap<String, byte[]> customers;
    private final MVMap<String, byte[]> offers;
    private final MVMap<String, String> products;
    private final MVMap<String, String> meta;
    /** Held by a write-back from its first commit to its last, and by flushes and bulk loads. */
    private final ReentrantLock writeBackGate = new ReentrantLock();

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
        EmbeddedOnlineStore opened;
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).open();
            store.setAutoCommitDelay(AUTO_COMMIT_MILLIS);
            opened = new EmbeddedOnlineStore(file, store);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the online store file " + file + " (is another process using"
                    + " it?): " + e.getMessage(), e);
        }
        try {
            opened.rollBackAnInterruptedWriteBack();
        } catch (RuntimeException e) {
            opened.store.closeImmediately();
            throw e;
        }
        return opened;
    }

    /** Undoes the part of a write-back that auto-commits saved before a crash; the event log replays all of it. */
    private void rollBackAnInterruptedWriteBack() {
        String from = meta.get(WRITE_BACK_FROM);
        if (from == null) {
            return;
        }
        try {
            store.rollbackTo(Long.parseLong(from));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the online store " + file + " holds part of a write-back that a crash "
                    + "interrupted, and the state before it (version " + from + ") is no longer in the file ("
                    + e.getMessage() + "); load the online snapshot into a new store file", e);
        }
        store.commit();
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
        writeBackGate.lock();
        try {
            return load(snapshot);
        } finally {
            writeBackGate.unlock();
        }
    }

    private LoadSummary load(OnlineSnapshot snapshot) {
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

    /**
     * Commits every write done so far to the file (the operating system has them: a killed process loses nothing),
     * after a write-back that is running: its rollback must not take a flushed write with it. Concurrent callers queue
     * on the gate, and the first one's commit covers the others' writes (a commit with nothing new does nothing): a
     * group commit.
     */
    @Override
    public void flush() {
        writeBackGate.lock();
        try {
            store.commit();
        } finally {
            writeBackGate.unlock();
        }
    }

    @Override
    public void writeAtomically(Runnable writes) {
        writeBackGate.lock();
        try {
            if (meta.get(WRITE_BACK_FROM) == null) {
                // commit what came before, so that returning to the beginning of the version now open undoes the
                // write-back and nothing else (commit() itself answers -1 when there was nothing to commit)
                store.commit();
                meta.put(WRITE_BACK_FROM, Long.toString(store.getCurrentVersion()));
            }
            // else an earlier write-back failed part way: the version before it stays the one to return to
            writes.run();
            meta.remove(WRITE_BACK_FROM);
            store.commit();
        } finally {
            writeBackGate.unlock();
        }
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
