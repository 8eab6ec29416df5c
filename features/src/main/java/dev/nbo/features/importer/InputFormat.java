package dev.nbo.features.importer;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The file formats an export may come in, told apart by the file's extension. */
enum InputFormat {
    PARQUET,
    /** With a header line; every value is read as text and converted by the reader, which names what fails. */
    CSV;

    /** The format of {@code path} by its extension ({@code .parquet}, {@code .csv}, {@code .csv.gz}). */
    static InputFormat of(String path) {
        String name = path.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            return CSV;
        }
        String hint = name.endsWith(".xlsx") || name.endsWith(".xls")
                ? " (save the spreadsheet as CSV first)" : "";
        throw new IllegalArgumentException("cannot tell the format of " + path + " from its extension" + hint
                + "; name it *.parquet, *.csv or *.csv.gz");
    }

    Dataset<Row> read(SparkSession spark, String path, String csvEncoding) {
        return switch (this) {
            case PARQUET -> spark.read().parquet(path);
            case CSV -> spark.read()
                    .option("header", "true")
                    .option("inferSchema", "false")
                    .option("encoding", csvEncoding)
                    // RFC 4180: a quote inside a quoted value is doubled, which is what Excel and pandas write
                    .option("escape", "\"")
                    .csv(path);
        };
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
