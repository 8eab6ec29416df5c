package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;

/**
 * Reads the invoice date column into a UTC timestamp, whatever its type: a Parquet timestamp, an INT64 count of
 * nanoseconds since 1970 (how pandas writes the UCI file; {@code SparkSessions} reads those as longs), or text in
 * one of the layouts of {@link #TEXT_LAYOUTS}. The export's local times are taken as UTC: the data set carries no
 * time zone, and shifting them would move invoices across days.
 */
final class InvoiceTimes {
    /**
     * Text layouts tried after ISO 8601 ({@code 2010-12-01 08:26:00}, {@code 2010-12-01T08:26}), in this order.
     * Slash dates are month first, as the UCI spreadsheet writes them; two-digit years come first because a
     * four-digit pattern would read {@code 10} as the year 10.
     */
    static final List<String> TEXT_LAYOUTS = List.of("M/d/yy H:mm", "M/d/yy H:mm:ss", "M/d/yyyy H:mm",
            "M/d/yyyy H:mm:ss");
    /** Invoices outside [EARLIEST, LATEST) are taken as a unit or layout mistake rather than as data. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 1, 1);

    private InvoiceTimes() {
    }

    /**
     * The timestamp of {@code raw}, the file's column {@code column} of type {@code type}; null where a text value
     * fits no layout.
     *
     * @throws IllegalArgumentException when the column's type cannot hold a date
     */
    static Column parse(String file, String column, Column raw, DataType type) {
        if (type instanceof IntegralType) {
            // integer division keeps nanosecond values exact; through a double they would be rounded
            return timestamp_micros(call_function("div", raw.cast(DataTypes.LongType), lit(1000L)));
        }
        if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType)
                || type.equals(DataTypes.DateType)) {
            return raw.cast(DataTypes.TimestampType);
        }
        if (type.equals(DataTypes.StringType)) {
            Column text = trim(raw);
            List<Column> attempts = new ArrayList<>();
            attempts.add(text.try_cast(DataTypes.TimestampType));
            for (String layout : TEXT_LAYOUTS) {
                attempts.add(try_to_timestamp(text, lit(layout)));
            }
            return coalesce(attempts.toArray(Column[]::new));
        }
        throw new IllegalArgumentException(file + ": column " + column + " has type " + type.simpleString()
                + ", which cannot hold invoice dates; expected a timestamp, INT64 nanoseconds since 1970, or text such"
                + " as " + examples());
    }

    /** Whether a parsed time is outside the plausible range. */
    static Column implausible(Column time) {
        return time.lt(lit(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .or(time.geq(lit(LATEST.atStartOfDay(ZoneOffset.UTC).toInstant())));
    }

    /** The accepted text layouts, for messages. */
    static String examples() {
        return "2010-12-01 08:26:00 (ISO 8601) or 12/1/2010 8:26 (month/day/year; also " + String.join(", ",
                TEXT_LAYOUTS) + ")";
    }
}
