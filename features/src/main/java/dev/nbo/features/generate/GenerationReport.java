package dev.nbo.features.generate;

import dev.nbo.features.spark.Progress;
import dev.nbo.features.warehouse.WarehouseTable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run produced: written as {@code generation.json} beside the tables and printed at the end. */
public record GenerationReport(GenerationSettings settings, int threadsUsed, RowCounts rows, DirtCounts dirt,
                               double seconds) {

    /**
     * The report a run writes before its first row, so that the folder of a run that fails half-way is still known as
     * a generated warehouse, which the next run may replace.
     */
    static Map<String, Object> incomplete(GenerationSettings settings, int threadsUsed) {
        Map<String, Object> json = header("incomplete");
        json.put("parameters", parameters(settings, threadsUsed));
        return json;
    }

    /** The JSON form: parameters (enough to rebuild the {@link World}), rows per table, dirt per kind, timing. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = header("complete");
        json.put("parameters", parameters(settings, threadsUsed));
        json.put("rows", rows.asMap());
        Map<String, Object> dirtJson = new LinkedHashMap<>();
        for (DirtKind kind : DirtKind.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rows", dirt.count(kind));
            entry.put("rate", kind.rate());
            entry.put("what", kind.description());
            dirtJson.put(kind.wireName(), entry);
        }
        json.put("dirt", dirtJson);
        json.put("events_per_customer", Math.round(10.0 * rows.rows(WarehouseTable.EVENTS) / settings.customers())
                / 10.0);
        json.put("seconds", Math.round(seconds * 10) / 10.0);
        json.put("rows_per_second", Math.round(rows.total() / Math.max(seconds, 1e-3)));
        return json;
    }

    private static Map<String, Object> header(String status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("generator", "nbo generate");
        json.put("status", status);
        json.put("version", version());
        json.put("created_at", Instant.now().toString());
        return json;
    }

    private static Map<String, Object> parameters(GenerationSettings settings, int threadsUsed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("customers", settings.customers());
        parameters.put("days", settings.days());
        parameters.put("seed", settings.seed());
        parameters.put("start", settings.start().toString());
        parameters.put("end_exclusive", settings.end().toString());
        parameters.put("offers", settings.offers().toAbsolutePath().toString());
        parameters.put("threads", threadsUsed);
        parameters.put("chunk_size", settings.chunkSize());
        return parameters;
    }

    /** The summary at the end of a run: rows per table, the dirt, where the output is. */
    public void print(PrintStream out) {
        out.printf("%nGenerated %,d customers over %,d days (%s to %s, seed %d) in %s:%n", settings.customers(),
                settings.days(), settings.start(), settings.end().minusDays(1), settings.seed(),
                Progress.format(Duration.ofMillis(Math.round(seconds * 1000))));
        for (WarehouseTable table : WarehouseTable.values()) {
            out.printf("  %-12s %,14d rows%n", table.tableName(), rows.rows(table));
        }
        out.printf("  %,.0f rows/s; %.1f events per customer%n", rows.total() / Math.max(seconds, 1e-3),
                (double) rows.rows(WarehouseTable.EVENTS) / settings.customers());
        out.printf("Dirt injected (%,d rows; ./nbo features quarantines or flags it):%n", dirt.total());
        for (DirtKind kind : DirtKind.values()) {
            out.printf("  %-26s %,10d%n", kind.wireName(), dirt.count(kind));
        }
        out.println("Warehouse in " + settings.out().toAbsolutePath() + ": <table>/part-NNNNN.parquet, "
                + WarehouseFolder.OFFERS + ", " + WarehouseFolder.REPORT);
        out.println("Next: ./nbo features --warehouse " + settings.out() + " --out <folder>");
    }

    /** The build's version, which {@code ./nbo} passes as {@code nbo.version} (as {@code --version} reads it). */
    private static String version() {
        String version = System.getProperty("nbo.version");
        return version == null ? "unknown (not started by ./nbo)" : version;
    }
}
