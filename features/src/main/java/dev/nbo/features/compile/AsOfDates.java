package dev.nbo.features.compile;

import static org.apache.spark.sql.functions.col;

import dev.nbo.models.feature.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * As-of dates as a small table: {@code as_of} (yyyy-MM-dd, the partition value), {@code as_of_us} (midnight UTC in
 * epoch microseconds) and {@code last_day} (the newest UTC day a window covers, see {@link Window}).
 */
public final class AsOfDates {
    private AsOfDates() {
    }

    public static long micros(LocalDate date) {
        return date.toEpochDay() * Window.DAY_MICROS;
    }

    public static Dataset<Row> table(SparkSession spark, List<LocalDate> dates) {
        StructType schema = new StructType()
                .add("as_of", DataTypes.StringType, false)
                .add("as_of_us", DataTypes.LongType, false)
                .add("last_day", DataTypes.IntegerType, false);
        List<Row> rows = new ArrayList<>();
        for (LocalDate date : dates) {
            long micros = micros(date);
            rows.add(RowFactory.create(date.toString(), micros, Window.lastDay(micros)));
        }
        return spark.createDataFrame(rows, schema).orderBy(col("as_of"));
    }
}
