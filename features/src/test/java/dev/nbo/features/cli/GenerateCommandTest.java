package dev.nbo.features.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nbo generate} from the command line: help, bad input (exit 2 and a message naming the flag), a small run. */
class GenerateCommandTest {
    @TempDir
    Path temp;

    @Test
    void helpExplainsEveryFlag() {
        CliRun result = CliRun.of("generate", "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--customers", "--days", "--seed", "--out", "--start", "--offers",
                "--threads", "default: 10000", "default: 365", "default: 42", "2025-01-01");
    }

    @Test
    void tooFewCustomersIsBadInputNamingTheFlag() {
        CliRun result = CliRun.of("generate", "--customers", "0", "--out", temp.resolve("wh").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--customers 0").contains("at least 1");
    }

    @Test
    void tooFewDaysIsBadInputNamingTheFlag() {
        CliRun result = CliRun.of("generate", "--days", "-3", "--out", temp.resolve("wh").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--days -3");
    }

    @Test
    void anUnreadableOfferCatalogIsBadInputNamingTheFile() {
        Path missing = temp.resolve("nowhere/offers.yaml");
        CliRun result = CliRun.of("generate", "--customers", "5", "--offers", missing.toString(), "--out",
                temp.resolve("wh").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--offers").contains(missing.toString()).contains("not found");
    }

    @Test
    void aFolderHoldingOtherDataIsRefusedNotCleared() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("precious"));
        Files.writeString(folder.resolve("notes.txt"), "keep me");
        CliRun result = CliRun.of("generate", "--customers", "5", "--days", "3", "--out", folder.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("not empty").contains("notes.txt");
        assertThat(folder.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void aSmallRunWritesEveryTableTheCatalogAndItsReportAndCanBeRepeated() throws Exception {
        Path warehouse = temp.resolve("wh");
        for (int attempt = 0; attempt < 2; attempt++) {
            CliRun result = CliRun.of("generate", "--customers", "25", "--days", "14", "--seed", "3", "--threads", "2",
                    "--out", warehouse.toString());
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("Generated 25 customers over 14 days").contains("duplicate_event");
        }
        for (String table : new String[] {"customers", "products", "orders", "order_items", "events", "offers"}) {
            assertThat(warehouse.resolve(table).resolve("part-00000.parquet")).isRegularFile();
        }
        assertThat(warehouse.resolve("offers.yaml")).isRegularFile();
        String report = Files.readString(warehouse.resolve("generation.json"));
        assertThat(report).contains("\"customers\" : 25").contains("\"seed\" : 3").contains("\"dirt\"")
                .contains("\"products\" : 480");
        try (var files = Files.list(warehouse.resolve("events"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("part-00000.parquet");
        }
    }

    @Test
    void theFolderOfAnInterruptedRunIsKnownByItsReportAndReplaced() throws Exception {
        Path warehouse = temp.resolve("interrupted");
        Files.createDirectories(warehouse.resolve("events"));
        Files.writeString(warehouse.resolve("events/part-00007.parquet"), "half a file");
        Files.writeString(warehouse.resolve("generation.json"), "{\"generator\" : \"nbo generate\", \"status\" : \"incomplete\"}");
        CliRun result = CliRun.of("generate", "--customers", "5", "--days", "3", "--out", warehouse.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(warehouse.resolve("events/part-00007.parquet")).doesNotExist();
        assertThat(Files.readString(warehouse.resolve("generation.json"))).contains("\"status\" : \"complete\"");
    }
}
