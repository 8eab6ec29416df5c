package dev.nbo.features.bench;

/** One measured phase of a benchmark. */
public record PhaseResult(String phase, long rowsIn, long rowsOut, double seconds, long peakHeapBytes) {
    double rowsPerSecond() {
        return seconds <= 0 ? 0 : Math.max(rowsIn, rowsOut) / seconds;
    }

    String markdownRow(String machine, String date, int customers, int days) {
        return String.format("| %s | %,d | %d | %,d | %,d | %.1f | %,.0f | %.1f GiB | %s | %s |", phase, customers, days,
                rowsIn, rowsOut, seconds, rowsPerSecond(), peakHeapBytes / (1024.0 * 1024 * 1024), machine, date);
    }
}
