package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.FractionalType;
import org.apache.spark.sql.types.NumericType;

/**
 * Typed values from the raw columns of an export, which come as text (CSV), as numbers, or as pandas left them
 * (a missing text is the string {@code "nan"}, a customer id is a double such as {@code 12346.0}). A value that cannot
 * be read becomes null; {@link InputChecks} reports those before anything is written.
 */
final class LineValues {
    private LineValues() {
    }

    /** Trimmed text; blank and {@code nan} (how pandas writes a missing text) become null. */
    static Column text(Column raw) {
        Column text = trim(raw.cast(DataTypes.StringType));
        return when(text.equalTo("").or(lower(text).equalTo("nan")), lit(null).cast(DataTypes.StringType))
                .otherwise(text);
    }

    /** The value as a double: text is parsed (a dot is the decimal separator), numbers are widened. */
    static Column number(String file, String column, Column raw, DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return trim(raw).try_cast(DataTypes.DoubleType);
        }
        if (type instanceof NumericType) {
            return raw.cast(DataTypes.DoubleType);
        }
        throw new IllegalArgumentException(file + ": column " + column + " has type " + type.simpleString()
                + "; expected numbers (or text holding numbers)");
    }

    /** A whole number within the range of a table's int column, or null. */
    static Column wholeNumber(Column number) {
        return when(finite(number).and(number.equalTo(floor(number)))
                .and(abs(number).leq(lit((double) Integer.MAX_VALUE))), number.cast(DataTypes.LongType));
    }

    /** A finite number, or null (NaN and infinities are not prices). */
    static Column finiteNumber(Column number) {
        return when(finite(number), number);
    }

    /**
     * The customer id as text: a whole number loses its {@code .0} ({@code 12346.0} is customer {@code 12346});
     * blank, {@code nan} and NaN mean no customer.
     */
    static Column customerId(Column raw, DataType type) {
        if (type instanceof FractionalType) {
            Column number = raw.cast(DataTypes.DoubleType);
            return when(isnan(number), lit(null).cast(DataTypes.StringType))
                    .when(number.equalTo(floor(number)), number.cast(DataTypes.LongType).cast(DataTypes.StringType))
                    .otherwise(number.cast(DataTypes.StringType));
        }
        Column text = text(raw);
        return regexp_replace(text, "^([0-9]+)\\.0+$", "$1");
    }

    private static Column finite(Column number) {
        return number.isNotNull().and(isnan(number).unary_$bang())
                .and(abs(number).notEqual(lit(Double.POSITIVE_INFINITY)));
    }
}
