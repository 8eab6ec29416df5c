package dev.nbo.features.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.features.spark.Progress;
import dev.nbo.features.testing.SparkTestSession;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports the importer must refuse, each with a message naming the file, the column, the value and the fix. */
class OnlineRetailBadInputIT {
    private static final SparkSession SPARK = SparkTestSession.get();
    private static final String HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private static final String GOOD_LINE = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,"
            + "17850.0,United Kingdom";

    @TempDir
    Path dir;

    @Test
    void aMissingColumnIsNamedWithTheColumnsFoundAndTheNamesAccepted() throws IOException {
        Path file = write("no_country.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID",
                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + " is missing the column Country")
                .hasMessageContaining("its columns are InvoiceNo, StockCode, Description, Quantity, InvoiceDate,"
                        + " UnitPrice, CustomerID")
                .hasMessageContaining("InvoiceNo or Invoice")
                .hasMessageContaining("UnitPrice or Price")
                .hasMessageContaining("CustomerID or Customer ID");
        assertThat(dir.resolve("wh")).doesNotExist();
    }

    @Test
    void twoColumnsForTheSameValueAreRefused() throws IOException {
        Path file = write("both_prices.csv", HEADER + ",Price", GOOD_LINE + ",2.55");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("columns UnitPrice and Price both mean UnitPrice or Price; keep one of them");
    }

    @Test
    void anUnknownExtensionIsRefusedBeforeReading() throws IOException {
        Path file = write("online_retail.xlsx", HEADER, GOOD_LINE);

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot tell the format of " + file + " from its extension (save the spreadsheet as CSV"
                        + " first); name it *.parquet, *.csv or *.csv.gz");
        assertThatThrownBy(() -> importFile(write("online_retail.json", "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name it *.parquet, *.csv");
    }

    @Test
    void anAbsentFileIsNamed() {
        Path file = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no file at " + file);
    }

    @Test
    void unparseableDatesAreCountedWithAnExampleAndTheAcceptedLayouts() throws IOException {
        Path file = write("bad_dates.csv", HEADER, GOOD_LINE,
                "536366,22633,HAND WARMER UNION JACK,6,13/1/2010 8:28,1.85,17850.0,United Kingdom",
                "536367,22632,HAND WARMER RED POLKA DOT,6,yesterday,1.85,17850.0,United Kingdom");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + " cannot be imported:")
                .hasMessageContaining("column InvoiceDate: 2 lines with a date in none of the accepted layouts"
                        + " (2010-12-01 08:26:00 (ISO 8601) or 12/1/2010 8:26 (month/day/year")
                .hasMessageContaining("e.g. '13/1/2010 8:28' (invoice 536366)")
                .hasMessageEndingWith("Fix these values in the file (or export it again) and rerun the import.");
    }

    @Test
    void everyUnreadableColumnIsReportedAtOnce() throws IOException {
        Path file = write("bad_numbers.csv", HEADER, GOOD_LINE,
                "536366,22633,HAND WARMER UNION JACK,six,12/1/2010 8:28,1.85,17850.0,United Kingdom",
                "536367,22632,HAND WARMER RED POLKA DOT,2.5,12/1/2010 8:28,1.85,17850.0,United Kingdom",
                "536368,22632,HAND WARMER RED POLKA DOT,6,12/1/2010 8:28,\"1,85\",17850.0,United Kingdom",
                ",22632,HAND WARMER RED POLKA DOT,6,12/1/2010 8:28,1.85,17850.0,United Kingdom",
                "536369,22632,HAND WARMER RED POLKA DOT,6,12/1/2010 8:28,1.85,178 50,United Kingdom");

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column Quantity: 2 lines with a quantity that is not a whole number"
                        + " (within +-2^31), e.g. '2.5'"
                        + " (invoice 536367)")
                .hasMessageContaining("column UnitPrice: 1 line with a price that is not a number"
                        + " (write 2.55, with a dot), e.g. '1,85'"
                        + " (invoice 536368)")
                .hasMessageContaining("column InvoiceNo: 1 line with no invoice number, e.g. '22632' (invoice none)")
                .hasMessageContaining("column CustomerID: 1 line with a customer id that is not a valid id"
                        + " (letters, digits, _ - . : @ +), e.g. '178 50' (invoice 536369)");
    }

    @Test
    void integerDatesInAnotherUnitThanNanosecondsAreRefused() {
        StructType schema = new StructType().add("InvoiceNo", DataTypes.StringType)
                .add("StockCode", DataTypes.StringType).add("Description", DataTypes.StringType)
                .add("Quantity", DataTypes.LongType).add("InvoiceDate", DataTypes.LongType)
                .add("UnitPrice", DataTypes.DoubleType).add("CustomerID", DataTypes.DoubleType)
                .add("Country", DataTypes.StringType);
        // 2010-12-01 08:26 in seconds since 1970: read as nanoseconds, it is 1.3 seconds after 1970
        List<Row> rows = List.of(RowFactory.create("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6L,
                1_291_191_960L, 2.55, 17850.0, "United Kingdom"));
        Path file = dir.resolve("seconds.parquet");
        SPARK.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(file.toString());

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column InvoiceDate: 1 line with a date before 1990-01-01 or from"
                        + " 2100-01-01 on (integer dates must be nanoseconds since 1970), e.g. '1291191960'");
    }

    @Test
    void aColumnTypeThatCannotHoldDatesIsRefused() {
        StructType schema = new StructType().add("InvoiceNo", DataTypes.StringType)
                .add("StockCode", DataTypes.StringType).add("Description", DataTypes.StringType)
                .add("Quantity", DataTypes.LongType).add("InvoiceDate", DataTypes.DoubleType)
                .add("UnitPrice", DataTypes.DoubleType).add("CustomerID", DataTypes.DoubleType)
                .add("Country", DataTypes.StringType);
        Path file = dir.resolve("double_dates.parquet");
        SPARK.createDataFrame(List.of(RowFactory.create("536365", "85123A", "X", 6L, 40513.35, 2.55, 17850.0, "UK")),
                schema).write().mode(SaveMode.Overwrite).parquet(file.toString());

        assertThatThrownBy(() -> importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": column InvoiceDate has type double, which cannot hold invoice"
                        + " dates");
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private void importFile(Path file) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        new OnlineRetailImporter(SPARK, new Progress(quiet, OnlineRetailImporter.STEPS))
                .run(file.toString(), dir.resolve("wh").toString(), "UTF-8");
    }
}
