package dev.nbo.serving.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Measures durable ingestion: batches of 1,000 seeded events posted through {@link EventIngestor#ingest} (parse,
 * validate, dedup, append with fsync, apply to a counting sink), one batch after another, and prints durable events
 * per second. Backs {@code ./nbo bench ingest}; not a test.
 *
 * <p>Usage: {@code IngestBenchmark [batches (default 200)] [posting threads (default 2)] [folder (default: a temporary
 * folder, deleted after)]}. Several posting threads stand for the ESP's concurrent webhook calls: parsing and
 * validation run in parallel, storing runs one batch at a time.
 */
public final class IngestBenchmark {
    private static final int BATCH_SIZE = 1_000;
    private static final int WARM_UP_BATCHES = 20;
    private static final String[] TYPES = {"page_view", "add_to_cart", "remove_from_cart", "email_open"};

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path folder = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("nbo-ingest-bench-");
        boolean temporary = args.length <= 2;
        Function<String, Optional<String>> categoryOf = product -> Optional.of("category-" + product.hashCode() % 20);
        AtomicLong applied = new AtomicLong();
        Random random = new Random(42);
        long eventNumber = 0;
        try (EventIngestor ingestor = EventIngestor.open(folder, categoryOf, rows -> applied.addAndGet(rows.size()),
                Clock.systemUTC())) {
            for (int i = 0; i < WARM_UP_BATCHES; i++, eventNumber += BATCH_SIZE) {
                ingestor.ingest(batch(random, eventNumber));
            }
            byte[][] bodies = new byte[batches][];
            for (int i = 0; i < batches; i++, eventNumber += BATCH_SIZE) {
                bodies[i] = batch(random, eventNumber);
            }
            AtomicLong accepted = new AtomicLong();
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            Thread[] posters = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                posters[t] = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < batches; i = next.getAndIncrement()) {
                        accepted.addAndGet(ingestor.ingest(bodies[i]).accepted());
                    }
                });
                posters[t].start();
            }
            for (Thread poster : posters) {
                join(poster);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ingest: %,d events in %d batches of %,d from %d posting threads, each batch durable"
                            + " (fsync) before its reply: %,.0f durable events/s (folder %s)%n", accepted.get(),
                    batches, BATCH_SIZE, threads, accepted.get() / seconds, folder);
        } finally {
            if (temporary) {
                delete(folder);
            }
        }
    }

    /** A JSON array of {@link #BATCH_SIZE} valid events with fresh ids, as an ESP would post them. */
    static byte[] batch(Random random, long firstEvent) {
        StringBuilder json = new StringBuilder(BATCH_SIZE * 180).append('[');
        Instant now = Instant.now();
        for (int i = 0; i < BATCH_SIZE; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"event_id\":\"ev-").append(firstEvent + i)
                    .append("\",\"customer_id\":\"C").append(random.nextInt(100_000))
                    .append("\",\"time\":\"").append(now.minusSeconds(random.nextInt(3600)))
                    .append("\",\"type\":\"").append(TYPES[random.nextInt(TYPES.length)])
                    .append("\",\"product_id\":\"P").append(random.nextInt(5_000))
                    .append("\",\"session_id\":\"S").append(random.nextInt(1_000_000)).append("\"}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the posting threads", e);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
