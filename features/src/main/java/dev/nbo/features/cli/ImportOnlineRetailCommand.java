package dev.nbo.features.cli;

import dev.nbo.features.importer.ImportSummary;
import dev.nbo.features.importer.OnlineRetailImporter;
import dev.nbo.features.spark.Progress;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nbo import online-retail}: a UCI Online Retail export to a warehouse. */
@Command(name = "online-retail", mixinStandardHelpOptions = true,
        description = {
                "Imports a UCI Online Retail export (the original data set or Online Retail II) into a warehouse: "
                        + "customers, products (with a category from the description), orders, order_items, an "
                        + "empty events table, and one offer per category (offers table and offers.yaml).",
                "Lines without a customer, duplicates, non-product stock codes (POST, M, DOT...), quantity "
                        + "adjustments and zero prices are dropped and counted; cancellations (invoices C...) become "
                        + "cancellation orders. The figures are printed and written to DIR/import_summary.json.",
                "Rules and category table: docs/online-retail-import.md. Then run: ./nbo features --warehouse DIR "
                        + "--out OUT --spec config/online-retail/features.yaml", ""},
        sortOptions = false)
public final class ImportOnlineRetailCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The export: .parquet, .csv or .csv.gz (CSV with a header line). Columns InvoiceNo or "
                    + "Invoice, StockCode, Description, Quantity, InvoiceDate, UnitPrice or Price, CustomerID or "
                    + "Customer ID, Country (case, spaces and underscores ignored).")
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The warehouse folder to write; its tables, offers.yaml and import_summary.json are "
                    + "replaced, other files are left alone. A local folder or an s3a:// or hdfs:// URL.")
    String out;

    @Option(names = "--csv-encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character set of a CSV input (default: ${DEFAULT-VALUE}; some UCI downloads are "
                    + "ISO-8859-1).")
    String csvEncoding;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() {
        checkEncoding();
        OnlineRetailImporter.checkFormat(input);
        SparkSession spark = sparkOptions.session("nbo-import-online-retail");
        try {
            ImportSummary summary = new OnlineRetailImporter(spark, new Progress(System.out,
                    OnlineRetailImporter.STEPS).watch(spark)).run(input, out, csvEncoding);
            System.out.println();
            summary.print(System.out);
            System.out.println("Summary in " + out.replaceAll("/+$", "") + "/" + OnlineRetailImporter.SUMMARY_FILE
                    + ". Next: ./nbo features --warehouse " + out + " --out <DIR> --spec"
                    + " config/online-retail/features.yaml");
            return 0;
        } finally {
            spark.stop();
        }
    }

    private void checkEncoding() {
        try {
            if (Charset.isSupported(csvEncoding)) {
                return;
            }
        } catch (IllegalCharsetNameException e) {
            // reported below, as an unknown name
        }
        throw new IllegalArgumentException("--csv-encoding " + csvEncoding + " is not a character set this Java knows;"
                + " use e.g. UTF-8 or ISO-8859-1");
    }
}
