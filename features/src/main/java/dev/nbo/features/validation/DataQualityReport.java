package dev.nbo.features.validation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts per table and reason from a validation run, plus warnings about the data as a whole. Written as
 * {@code data_quality.json} and printed as a table at the end of a run.
 */
public final class DataQualityReport {
    private final Map<String, TableReport> tables = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    void add(TableReport table) {
        tables.put(table.table(), table);
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public Map<String, TableReport> tables() {
        return tables;
    }

    public TableReport table(String name) {
        TableReport report = tables.get(name);
        if (report == null) {
            throw new IllegalArgumentException("no report for table " + name);
        }
        return report;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The JSON form: {tables: {name: {rows_in, rows_valid, quarantined: {reason: n}, ...}}, warnings: [...]}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> byTable = new LinkedHashMap<>();
        tables.forEach((name, t) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rows_in", t.rowsIn());
            entry.put("rows_valid", t.rowsValid());
            entry.put("rows_quarantined", t.rowsQuarantined());
            entry.put("quarantined", t.quarantined());
            entry.put("corrected", t.corrected());
            entry.put("notes", t.notes());
            byTable.put(name, entry);
        });
        json.put("tables", byTable);
        json.put("warnings", warnings);
        return json;
    }

    /** A readable summary: one line per table, reasons beside it, then warnings. */
    public void print(PrintStream out) {
        out.println("Data quality (rows quarantined go to quarantine/<table>/ with a reason column):");
        out.printf("  %-12s %13s %13s %12s  %s%n", "table", "rows in", "valid", "quarantined", "reasons");
        for (TableReport t : tables.values()) {
            out.printf("  %-12s %,13d %,13d %,12d  %s%n", t.table(), t.rowsIn(), t.rowsValid(), t.rowsQuarantined(),
                    describe(t));
        }
        for (String warning : warnings) {
            out.println("  WARNING: " + warning);
        }
    }

    private static String describe(TableReport t) {
        List<String> parts = new ArrayList<>();
        t.quarantined().forEach((reason, n) -> parts.add(reason + " " + String.format("%,d", n)));
        t.corrected().forEach((fix, n) -> {
            if (n > 0) {
                parts.add("fixed " + fix + " " + String.format("%,d", n));
            }
        });
        t.notes().forEach((note, n) -> {
            if (n > 0) {
                parts.add(note + " " + String.format("%,d", n) + " (kept)");
            }
        });
        return parts.isEmpty() ? "-" : parts.stream().collect(Collectors.joining(", "));
    }
}
