package dev.nbo.features.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.offer.OfferCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code nbo generate}: builds the world, writes the catalog tables, simulates the customers chunk by chunk on a
 * pool of threads (each chunk streams into its own part files, so memory stays bounded by the threads, not the
 * customers), then writes {@code generation.json} and prints a summary.
 */
public final class WarehouseGenerator {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;

    public WarehouseGenerator(PrintStream out) {
        this.out = out;
    }

    public GenerationReport generate(GenerationSettings settings) {
        long started = System.nanoTime();
        OfferCatalog catalog = loadOffers(settings.offers());
        World world = World.create(settings.seed(), settings.customers(), settings.start(), settings.days(), catalog);
        Path folder = settings.out();
        WarehouseFolder.prepare(folder);
        int threads = Math.min(settings.threads(), settings.chunks());
        out.printf("Generating %,d customers over %,d days from %s (seed %d) into %s: %,d chunk(s) on %d thread(s)%n",
                settings.customers(), settings.days(), settings.start(), settings.seed(), folder, settings.chunks(),
                threads);
        writeJson(folder.resolve(WarehouseFolder.REPORT), GenerationReport.incomplete(settings, threads));
        RowCounts rows = writeCatalog(world, folder);
        copy(settings.offers(), folder.resolve(WarehouseFolder.OFFERS));
        DirtCounts dirt = new DirtCounts();
        try (GenerationProgress progress = new GenerationProgress(out, settings.customers())) {
            for (ChunkGenerator.Result chunk : simulate(world, settings, threads, progress)) {
                rows.addAll(chunk.rows());
                dirt.addAll(chunk.dirt());
            }
        }
        GenerationReport report = new GenerationReport(settings, threads, rows, dirt,
                (System.nanoTime() - started) / 1e9);
        writeJson(folder.resolve(WarehouseFolder.REPORT), report.toJson());
        report.print(out);
        return report;
    }

    private static OfferCatalog loadOffers(Path file) {
        try {
            return OfferCatalog.load(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--offers: " + e.getMessage(), e);
        }
    }

    /** Runs every chunk on the pool; results come back in chunk order, whatever order they finish in. */
    private static List<ChunkGenerator.Result> simulate(World world, GenerationSettings settings, int threads,
                                                        GenerationProgress progress) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "generate-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            ChunkGenerator generator = new ChunkGenerator(world, settings.out(), settings.chunkSize(), progress);
            List<Future<ChunkGenerator.Result>> futures = new ArrayList<>();
            for (int chunk = 0; chunk < settings.chunks(); chunk++) {
                int index = chunk;
                futures.add(pool.submit(() -> generator.generate(index)));
            }
            List<ChunkGenerator.Result> results = new ArrayList<>();
            for (Future<ChunkGenerator.Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a chunk failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The products and offers tables, one part file each. */
    private static RowCounts writeCatalog(World world, Path folder) {
        RowCounts rows = new RowCounts();
        try (ParquetTableWriter<ProductRow> products = ParquetTableWriter.create(
                ChunkFiles.partFile(folder, WarehouseTable.PRODUCTS, 0), WarehouseTable.PRODUCTS)) {
            for (Product product : world.products().all()) {
                products.write(ProductRow.of(product));
            }
            rows.add(WarehouseTable.PRODUCTS, products.rows());
        }
        try (ParquetTableWriter<OfferRow> offers = ParquetTableWriter.create(
                ChunkFiles.partFile(folder, WarehouseTable.OFFERS, 0), WarehouseTable.OFFERS)) {
            world.offers().offers().forEach(offer -> offers.write(OfferRow.of(offer)));
            rows.add(WarehouseTable.OFFERS, offers.rows());
        }
        return rows;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Writes under a temporary name and renames, so that a reader never sees half a report. */
    private static void writeJson(Path file, Map<String, Object> json) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, JSON.writeValueAsString(json) + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
