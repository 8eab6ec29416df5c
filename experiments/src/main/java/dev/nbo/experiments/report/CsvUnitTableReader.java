package dev.nbo.experiments.report;

import dev.nbo.models.feature.Window;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads units from an RFC 4180 CSV file with a header row. Binary metrics take 0, 1, true or false; continuous ones
 * any finite number; an empty cell is a missing value. The time column takes an ISO-8601 instant
 * ({@code 2025-03-01T10:15:00Z}), a date-time with offset, or a date (midnight UTC); empty = no time.
 */
public final class CsvUnitTableReader implements UnitTableReader {

    @Override
    public UnitTable read(Path file, UnitColumns columns) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(in, file.toString());
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty: expected a header row");
            }
            Layout layout = Layout.of(file, header.fields(), columns);
            List<Unit> units = new ArrayList<>();
            for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
                if (record.fields().size() == 1 && record.fields().get(0).isEmpty()) {
                    continue;
                }
                units.add(layout.unit(record));
            }
            if (units.isEmpty()) {
                throw new IllegalArgumentException(file + " has a header but no data rows");
            }
            return new UnitTable(columns.metrics(), columns.binary(), units);
        }
    }

    /** Where each wanted column sits in the file, and how to turn a record into a {@link Unit}. */
    private record Layout(Path file, int width, int arm, int[] metrics, boolean[] binary, String[] metricNames,
                          int covariate, int time, String covariateName, String timeName) {

        static Layout of(Path file, List<String> header, UnitColumns columns) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (index.put(header.get(i).strip(), i) != null) {
                    throw new IllegalArgumentException(file + " line 1: column '" + header.get(i) + "' appears twice");
                }
            }
            int[] metrics = new int[columns.metrics().size()];
            boolean[] binary = new boolean[metrics.length];
            for (int m = 0; m < metrics.length; m++) {
                metrics[m] = column(file, index, header, columns.metrics().get(m), "metric");
                binary[m] = columns.binary().contains(columns.metrics().get(m));
            }
            return new Layout(file, header.size(), column(file, index, header, columns.arm(), "arm"), metrics, binary,
                    columns.metrics().toArray(String[]::new),
                    columns.covariate() == null ? -1 : column(file, index, header, columns.covariate(), "covariate"),
                    columns.time() == null ? -1 : column(file, index, header, columns.time(), "time"),
                    columns.covariate(), columns.time());
        }

        private static int column(Path file, Map<String, Integer> index, List<String> header, String name,
                                  String role) {
            Integer at = index.get(name);
            if (at == null) {
                throw new IllegalArgumentException(file + ": no " + role + " column '" + name + "' in the header "
                        + header);
            }
            return at;
        }

        Unit unit(CsvRecords.Record record) {
            List<String> fields = record.fields();
            if (fields.size() != width) {
                throw new IllegalArgumentException(where(record) + ": " + fields.size() + " fields, the header has "
                        + width);
            }
            String armName = fields.get(arm).strip();
            if (armName.isEmpty()) {
                throw new IllegalArgumentException(where(record) + ", arm column: empty arm");
            }
            double[] values = new double[metrics.length];
            for (int m = 0; m < metrics.length; m++) {
                String cell = fields.get(metrics[m]).strip();
                values[m] = binary[m] ? binary(record, metricNames[m], cell) : number(record, metricNames[m], cell);
            }
            double x = covariate < 0 ? Double.NaN : number(record, covariateName, fields.get(covariate).strip());
            long micros = time < 0 ? Unit.NO_TIME : time(record, fields.get(time).strip());
            return new Unit(armName, values, x, micros);
        }

        private double binary(CsvRecords.Record record, String column, String cell) {
            switch (cell.toLowerCase(Locale.ROOT)) {
                case "" -> {
                    return Double.NaN;
                }
                case "0", "false" -> {
                    return 0;
                }
                case "1", "true" -> {
                    return 1;
                }
                default -> throw new IllegalArgumentException(where(record) + ", column '" + column
                        + "': binary value must be 0, 1, true or false, got '" + cell + "'");
            }
        }

        private double number(CsvRecords.Record record, String column, String cell) {
            if (cell.isEmpty()) {
                return Double.NaN;
            }
            try {
                double value = Double.parseDouble(cell);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(where(record) + ", column '" + column + "': not a finite number: '"
                    + cell + "'");
        }

        private long time(CsvRecords.Record record, String cell) {
            if (cell.isEmpty()) {
                return Unit.NO_TIME;
            }
            Instant instant;
            try {
                instant = Instant.parse(cell);
            } catch (DateTimeParseException notInstant) {
                try {
                    instant = OffsetDateTime.parse(cell).toInstant();
                } catch (DateTimeParseException notOffset) {
                    try {
                        instant = LocalDate.parse(cell).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw new IllegalArgumentException(where(record) + ", column '" + timeName
                                + "': not an ISO-8601 instant or date: '" + cell + "'");
                    }
                }
            }
            return Window.micros(instant);
        }

        private String where(CsvRecords.Record record) {
            return file + " line " + record.line();
        }
    }
}
