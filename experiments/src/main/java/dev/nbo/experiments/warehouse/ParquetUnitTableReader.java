package dev.nbo.experiments.warehouse;

import dev.nbo.experiments.report.Unit;
import dev.nbo.experiments.report.UnitColumns;
import dev.nbo.experiments.report.UnitTable;
import dev.nbo.experiments.report.UnitTableReader;
import dev.nbo.models.feature.Window;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads units from a Parquet file (an ESP's export, or a table written by Spark), one row per unit, columns by name:
 * the arm a string (or integer) column; metrics and the covariate numeric (int, long, float, double, decimal) or
 * boolean; the time column a timestamp (micros, millis, nanos, or Spark's INT96), a date (midnight UTC) or ISO-8601
 * text. A null is a missing value (no time, for the time column); a null arm is refused. Errors name the file, the
 * row (from 1) and the column.
 */
public final class ParquetUnitTableReader implements UnitTableReader {
    /** Julian day number of 1970-01-01, the epoch of Parquet's INT96 timestamps' day part. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    @Override
    public UnitTable read(Path file, UnitColumns columns) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        MessageType schema;
        try {
            schema = TableReader.schema(file);
        } catch (RuntimeException notParquet) {
            throw new IllegalArgumentException(file + " is not a readable Parquet file: " + notParquet.getMessage(),
                    notParquet);
        }
        int arm = column(file, schema, columns.arm(), "arm");
        int[] metrics = new int[columns.metrics().size()];
        for (int m = 0; m < metrics.length; m++) {
            metrics[m] = column(file, schema, columns.metrics().get(m), "metric");
        }
        int covariate = columns.covariate() == null ? -1 : column(file, schema, columns.covariate(), "covariate");
        int time = columns.time() == null ? -1 : column(file, schema, columns.time(), "time");
        List<Unit> units = new ArrayList<>();
        TableReader.forEachRecord(file, row -> {
            String where = file + " row " + (units.size() + 1);
            double[] values = new double[metrics.length];
            for (int m = 0; m < metrics.length; m++) {
                values[m] = number(row, metrics[m], where);
            }
            units.add(new Unit(arm(row, arm, where), values, covariate < 0 ? Double.NaN
                    : number(row, covariate, where), time < 0 ? Unit.NO_TIME : time(row, time, where)));
        });
        if (units.isEmpty()) {
            throw new IllegalArgumentException(file + " has no rows");
        }
        return new UnitTable(columns.metrics(), columns.binary(), units);
    }

    private static int column(Path file, MessageType schema, String name, String role) {
        if (!schema.containsField(name)) {
            throw new IllegalArgumentException(file + ": no " + role + " column '" + name + "' in the columns "
                    + schema.getFields().stream().map(Type::getName).toList());
        }
        Type type = schema.getType(name);
        if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
            throw new IllegalArgumentException(file + ": " + role + " column '" + name + "' is not a plain value"
                    + " column (it is " + type + ")");
        }
        return schema.getFieldIndex(name);
    }

    private static String arm(Group row, int column, String where) {
        if (row.getFieldRepetitionCount(column) == 0) {
            throw new IllegalArgumentException(where + ", arm column '" + name(row, column) + "': no arm (null)");
        }
        PrimitiveType type = row.getType().getType(column).asPrimitiveType();
        String arm = switch (type.getPrimitiveTypeName()) {
            case BINARY -> row.getString(column, 0);
            case INT32 -> Integer.toString(row.getInteger(column, 0));
            case INT64 -> Long.toString(row.getLong(column, 0));
            default -> throw new IllegalArgumentException(where + ", arm column '" + name(row, column)
                    + "': an arm is text or a whole number, the column is " + type);
        };
        if (arm.isBlank()) {
            throw new IllegalArgumentException(where + ", arm column '" + name(row, column) + "': empty arm");
        }
        return arm.strip();
    }

    private static double number(Group row, int column, String where) {
        if (row.getFieldRepetitionCount(column) == 0) {
            return Double.NaN;
        }
        PrimitiveType type = row.getType().getType(column).asPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        int scale = logical instanceof DecimalLogicalTypeAnnotation decimal ? decimal.getScale() : -1;
        double value = switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> row.getBoolean(column, 0) ? 1 : 0;
            case INT32 -> scale < 0 ? row.getInteger(column, 0)
                    : BigDecimal.valueOf(row.getInteger(column, 0), scale).doubleValue();
            case INT64 -> scale < 0 ? row.getLong(column, 0)
                    : BigDecimal.valueOf(row.getLong(column, 0), scale).doubleValue();
            case FLOAT -> row.getFloat(column, 0);
            case DOUBLE -> row.getDouble(column, 0);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (scale < 0) {
                    throw new IllegalArgumentException(where + ", column '" + name(row, column) + "': a metric is a"
                            + " number or a boolean, the column is " + type);
                }
                yield new BigDecimal(new BigInteger(row.getBinary(column, 0).getBytes()), scale).doubleValue();
            }
            case INT96 -> throw new IllegalArgumentException(where + ", column '" + name(row, column)
                    + "': a metric is a number or a boolean, the column is a timestamp");
        };
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ", column '" + name(row, column) + "': not a finite number: "
                    + value);
        }
        return value;
    }

    private static long time(Group row, int column, String where) {
        if (row.getFieldRepetitionCount(column) == 0) {
            return Unit.NO_TIME;
        }
        PrimitiveType type = row.getType().getType(column).asPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            long value = row.getLong(column, 0);
            return switch (timestamp.getUnit()) {
                case MILLIS -> Math.multiplyExact(value, 1000);
                case MICROS -> value;
                case NANOS -> Math.floorDiv(value, 1000);
            };
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return Math.multiplyExact((long) row.getInteger(column, 0), 86_400_000_000L);
        }
        return switch (type.getPrimitiveTypeName()) {
            case INT96 -> int96Micros(row.getInt96(column, 0).getBytes());
            case BINARY -> text(row.getString(column, 0), where, name(row, column));
            default -> throw new IllegalArgumentException(where + ", time column '" + name(row, column) + "': a time"
                    + " is a timestamp, a date or ISO-8601 text, the column is " + type);
        };
    }

    /** Spark's legacy timestamp: 8 bytes of nanoseconds in the day, then 4 bytes of Julian day, little-endian. */
    static long int96Micros(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong();
        long julianDay = Integer.toUnsignedLong(buffer.getInt());
        return (julianDay - JULIAN_EPOCH_DAY) * 86_400_000_000L + nanosOfDay / 1000;
    }

    private static long text(String cell, String where, String column) {
        String value = cell.strip();
        if (value.isEmpty()) {
            return Unit.NO_TIME;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    instant = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(where + ", column '" + column + "': not an ISO-8601 instant"
                            + " or date: '" + value + "'");
                }
            }
        }
        return Window.micros(instant);
    }

    private static String name(Group row, int column) {
        return row.getType().getFieldName(column);
    }
}
