package dev.nbo.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line of the importer, up to the point where Spark would start (no session is created here). */
class ImportCommandTest {
    @Test
    void importAloneListsTheImporters() {
        CliRun run = CliRun.of("import");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: nbo import", "online-retail", "UCI Online Retail");
    }

    @Test
    void helpExplainsEveryFlag() {
        CliRun run = CliRun.of("import", "online-retail", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--input=FILE", ".parquet, .csv or .csv.gz", "InvoiceNo or", "Customer ID",
                "--out=DIR", "replaced", "--csv-encoding=CHARSET", "default: UTF-8", "--master=URL",
                "--shuffle-partitions=N", "docs/online-retail-import.md", "import_summary.json");
    }

    @Test
    void missingRequiredFlagsAreNamed() {
        CliRun run = CliRun.of("import", "online-retail", "--out", "/tmp/nowhere");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--input=FILE'");
    }

    @Test
    void anUnknownFormatExitsWithCodeTwoAndSaysWhatToDo() {
        CliRun run = CliRun.of("import", "online-retail", "--input", "/data/Online Retail.xlsx", "--out", "/tmp/nowhere");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("nbo online-retail: cannot tell the format of /data/Online Retail.xlsx from its"
                + " extension (save the spreadsheet as CSV first); name it *.parquet, *.csv or *.csv.gz");
    }

    @Test
    void anUnknownCsvEncodingExitsWithCodeTwo() {
        CliRun run = CliRun.of("import", "online-retail", "--input", "x.csv", "--out", "/tmp/nowhere", "--csv-encoding",
                "latin-42");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--csv-encoding latin-42 is not a character set this Java knows");
    }
}
