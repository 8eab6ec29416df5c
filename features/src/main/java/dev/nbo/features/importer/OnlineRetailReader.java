package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.upper;

import dev.nbo.models.id.IdFormat;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;

/**
 * Reads a UCI Online Retail export (either release, Parquet or CSV) into one row per line with typed values, in the
 * columns named by the constants below. Stock codes are upper-cased: the export spells a few codes both ways
 * ({@code 85123a}, {@code 85123A}) for the same product. A file with values that cannot be read is refused, with
 * every problem listed (see {@link InputChecks}).
 */
final class OnlineRetailReader {
    static final String INVOICE = "invoice";
    static final String STOCK_CODE = "stock_code";
    static final String DESCRIPTION = "description";
    static final String QUANTITY = "quantity";
    static final String INVOICE_TIME = "invoice_time";
    static final String UNIT_PRICE = "unit_price";
    static final String CUSTOMER_ID = "customer_id";
    static final String COUNTRY = "country";

    private static final String ID = "^(" + IdFormat.REGEX + ")$";

    private OnlineRetailReader() {
    }

    /** What was read: the typed lines and how the file was understood. */
    record Lines(String path, InputFormat format, Map<OnlineRetailColumn, String> columns, Dataset<Row> rows) {
    }

    static Lines read(SparkSession spark, String path, String csvEncoding) {
        InputFormat format = InputFormat.of(path);
        requireExists(spark, path);
        Dataset<Row> raw = format.read(spark, path, csvEncoding);
        Map<OnlineRetailColumn, String> columns = OnlineRetailColumn.resolve(path, raw.columns());
        Dataset<Row> typed = typed(path, raw, columns);
        checks(path, columns).verify(typed);
        return new Lines(path, format, columns, typed.select(col(INVOICE), col(STOCK_CODE), col(DESCRIPTION),
                col(QUANTITY), col(INVOICE_TIME), col(UNIT_PRICE), col(CUSTOMER_ID), col(COUNTRY)));
    }

    /** The typed columns, plus the raw values ({@code _raw_*}) that the checks quote. */
    private static Dataset<Row> typed(String path, Dataset<Row> raw, Map<OnlineRetailColumn, String> columns) {
        Column quantity = LineValues.number(path, columns.get(OnlineRetailColumn.QUANTITY),
                raw(raw, columns, OnlineRetailColumn.QUANTITY), type(raw, columns, OnlineRetailColumn.QUANTITY));
        Column price = LineValues.number(path, columns.get(OnlineRetailColumn.UNIT_PRICE),
                raw(raw, columns, OnlineRetailColumn.UNIT_PRICE), type(raw, columns, OnlineRetailColumn.UNIT_PRICE));
        Column time = InvoiceTimes.parse(path, columns.get(OnlineRetailColumn.INVOICE_DATE),
                raw(raw, columns, OnlineRetailColumn.INVOICE_DATE),
                type(raw, columns, OnlineRetailColumn.INVOICE_DATE));
        return raw.select(
                LineValues.text(raw(raw, columns, OnlineRetailColumn.INVOICE)).as(INVOICE),
                upper(LineValues.text(raw(raw, columns, OnlineRetailColumn.STOCK_CODE))).as(STOCK_CODE),
                LineValues.text(raw(raw, columns, OnlineRetailColumn.DESCRIPTION)).as(DESCRIPTION),
                LineValues.wholeNumber(quantity).as(QUANTITY),
                time.as(INVOICE_TIME),
                LineValues.finiteNumber(price).as(UNIT_PRICE),
                LineValues.customerId(raw(raw, columns, OnlineRetailColumn.CUSTOMER_ID),
                        type(raw, columns, OnlineRetailColumn.CUSTOMER_ID)).as(CUSTOMER_ID),
                LineValues.text(raw(raw, columns, OnlineRetailColumn.COUNTRY)).as(COUNTRY),
                LineValues.text(raw(raw, columns, OnlineRetailColumn.INVOICE_DATE)).as("_raw_date"),
                LineValues.text(raw(raw, columns, OnlineRetailColumn.QUANTITY)).as("_raw_quantity"),
                LineValues.text(raw(raw, columns, OnlineRetailColumn.UNIT_PRICE)).as("_raw_price"),
                LineValues.text(raw(raw, columns, OnlineRetailColumn.CUSTOMER_ID)).as("_raw_customer"));
    }

    private static InputChecks checks(String path, Map<OnlineRetailColumn, String> columns) {
        Column invoice = col(INVOICE);
        return new InputChecks(path)
                .problem(columns.get(OnlineRetailColumn.INVOICE), "no invoice number", invoice.isNull(),
                        InputChecks.example(col(STOCK_CODE), invoice))
                .problem(columns.get(OnlineRetailColumn.INVOICE), "an invoice number that is not a valid id"
                        + " (letters, digits, _ - . : @ +)", invoice.rlike(ID).unary_$bang(),
                        InputChecks.example(invoice, invoice))
                .problem(columns.get(OnlineRetailColumn.STOCK_CODE), "no stock code", col(STOCK_CODE).isNull(),
                        InputChecks.example(col(STOCK_CODE), invoice))
                .problem(columns.get(OnlineRetailColumn.INVOICE_DATE), "no date", col("_raw_date").isNull(),
                        InputChecks.example(col("_raw_date"), invoice))
                .problem(columns.get(OnlineRetailColumn.INVOICE_DATE), "a date in none of the accepted layouts ("
                        + InvoiceTimes.examples() + ")", col("_raw_date").isNotNull().and(col(INVOICE_TIME).isNull()),
                        InputChecks.example(col("_raw_date"), invoice))
                .problem(columns.get(OnlineRetailColumn.INVOICE_DATE), "a date before " + InvoiceTimes.EARLIEST
                        + " or from " + InvoiceTimes.LATEST + " on (integer dates must be nanoseconds since"
                        + " 1970)", InvoiceTimes.implausible(col(INVOICE_TIME)),
                        InputChecks.example(col("_raw_date"), invoice))
                .problem(columns.get(OnlineRetailColumn.QUANTITY), "no quantity", col("_raw_quantity").isNull(),
                        InputChecks.example(col("_raw_quantity"), invoice))
                .problem(columns.get(OnlineRetailColumn.QUANTITY),
                        "a quantity that is not a whole number (within +-2^31)",
                        col("_raw_quantity").isNotNull().and(col(QUANTITY).isNull()),
                        InputChecks.example(col("_raw_quantity"), invoice))
                .problem(columns.get(OnlineRetailColumn.UNIT_PRICE), "no price", col("_raw_price").isNull(),
                        InputChecks.example(col("_raw_price"), invoice))
                .problem(columns.get(OnlineRetailColumn.UNIT_PRICE),
                        "a price that is not a number (write 2.55, with a dot)",
                        col("_raw_price").isNotNull().and(col(UNIT_PRICE).isNull()),
                        InputChecks.example(col("_raw_price"), invoice))
                .problem(columns.get(OnlineRetailColumn.CUSTOMER_ID), "a customer id that is not a valid id"
                        + " (letters, digits, _ - . : @ +)", col(CUSTOMER_ID).rlike(ID).unary_$bang(),
                        InputChecks.example(col("_raw_customer"), invoice));
    }

    private static Column raw(Dataset<Row> raw, Map<OnlineRetailColumn, String> columns, OnlineRetailColumn column) {
        return raw.col("`" + columns.get(column).replace("`", "``") + "`");
    }

    private static DataType type(Dataset<Row> raw, Map<OnlineRetailColumn, String> columns, OnlineRetailColumn column) {
        return raw.schema().apply(columns.get(column)).dataType();
    }

    private static void requireExists(SparkSession spark, String path) {
        try {
            Path file = new Path(path);
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(file)) {
                throw new IllegalArgumentException("no file at " + path + "; pass the path of a UCI Online Retail"
                        + " export (.parquet, .csv or .csv.gz) with --input");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot check " + path + ": " + e.getMessage(), e);
        }
    }
}
