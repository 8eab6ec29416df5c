package dev.nbo.features.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The parameters of a generation run. The warehouse's contents depend on customers, days, seed, start and the offer
 * catalog only; threads and chunk size change speed and file layout, never the rows.
 *
 * @param chunkSize customers per part file (and per unit of parallel work)
 */
public record GenerationSettings(int customers, int days, long seed, LocalDate start, Path offers, Path out,
                                 int threads, int chunkSize) {
    public static final int DEFAULT_CHUNK_SIZE = 10_000;

    public GenerationSettings {
        if (customers < 1) {
            throw new IllegalArgumentException("--customers " + customers + ": generate at least 1 customer");
        }
        if (days < 1) {
            throw new IllegalArgumentException("--days " + days + ": simulate at least 1 day");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + ": use at least 1 thread");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " must be at least 1");
        }
        if (start == null) {
            throw new IllegalArgumentException("--start is required (a date such as 2025-01-01)");
        }
        if (offers == null || out == null) {
            throw new IllegalArgumentException("--offers and --out are required");
        }
    }

    public GenerationSettings(int customers, int days, long seed, LocalDate start, Path offers, Path out,
                              int threads) {
        this(customers, days, seed, start, offers, out, threads, DEFAULT_CHUNK_SIZE);
    }

    public int chunks() {
        return (int) ((customers + (long) chunkSize - 1) / chunkSize);
    }

    /** The first day after the period. */
    public LocalDate end() {
        return start.plusDays(days);
    }
}
