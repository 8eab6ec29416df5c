package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated warehouses as Spark reads them: the contract's schema, determinism across threads, seeds that matter. */
class SyntheticWarehouseIT {
    private static final int CUSTOMERS = 300;
    private static final int DAYS = 75;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path temp;
    private static SparkSession spark;
    private static Path oneThread;
    private static Path threeThreads;
    private static Path otherSeed;
    private static GenerationReport report;

    @BeforeAll
    static void generate() {
        spark = SparkTestSession.get();
        oneThread = temp.resolve("one-thread");
        threeThreads = temp.resolve("three-threads");
        otherSeed = temp.resolve("other-seed");
        report = generate(oneThread, 42, 1);
        generate(threeThreads, 42, 3);
        generate(otherSeed, 43, 3);
    }

    private static GenerationReport generate(Path out, long seed, int threads) {
        // chunks of 100 customers: three part files per table, written concurrently with three threads
        return new WarehouseGenerator(QUIET).generate(new GenerationSettings(CUSTOMERS, DAYS, seed, Worlds.START,
                Worlds.offersFile(), out, threads, 100));
    }

    @Test
    void everyTableReadsBackInExactlyTheContractsSchema() {
        for (WarehouseTable table : WarehouseTable.values()) {
            Dataset<Row> raw = spark.read().parquet(oneThread.resolve(table.tableName()).toString());
            assertThat(raw.schema()).as(table.tableName()).isEqualTo(table.schema());
            Dataset<Row> read = new Warehouse(spark, oneThread.toString()).read(table);
            assertThat(read.count()).as(table.tableName()).isEqualTo(report.rows().rows(table)).isPositive();
        }
    }

    @Test
    void customerTablesHaveOnePartFilePerChunkAndNoChecksumFiles() throws Exception {
        try (Stream<Path> files = Files.list(oneThread.resolve("events"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
        }
        try (Stream<Path> files = Files.walk(oneThread)) {
            assertThat(files.map(Path::toString)).noneMatch(p -> p.endsWith(".crc"));
        }
        assertThat(oneThread.resolve("offers.yaml")).hasSameTextualContentAs(Worlds.offersFile());
    }

    @Test
    void theSameSeedGivesTheSameTablesWhateverTheThreadCount() {
        for (WarehouseTable table : WarehouseTable.values()) {
            assertThat(sortedRows(threeThreads, table)).as(table.tableName())
                    .containsExactlyElementsOf(sortedRows(oneThread, table));
        }
    }

    @Test
    void anotherSeedGivesOtherTables() {
        List<Row> customers = sortedRows(oneThread, WarehouseTable.CUSTOMERS);
        List<Row> otherCustomers = sortedRows(otherSeed, WarehouseTable.CUSTOMERS);
        assertThat(otherCustomers).isNotEqualTo(customers);
        long sameCity = 0;
        for (int i = 0; i < Math.min(customers.size(), otherCustomers.size()); i++) {
            if (customers.get(i).getAs("city").equals(otherCustomers.get(i).getAs("city"))) {
                sameCity++;
            }
        }
        assertThat(sameCity).isLessThan(CUSTOMERS / 3);
        assertThat(sortedRows(otherSeed, WarehouseTable.EVENTS)).isNotEqualTo(sortedRows(oneThread, WarehouseTable.EVENTS));
        // the catalog does not depend on the seed but prices and names do
        assertThat(sortedRows(otherSeed, WarehouseTable.OFFERS)).isEqualTo(sortedRows(oneThread, WarehouseTable.OFFERS));
        assertThat(sortedRows(otherSeed, WarehouseTable.PRODUCTS)).isNotEqualTo(sortedRows(oneThread, WarehouseTable.PRODUCTS));
    }

    @Test
    void eventsStayInsideThePeriod() {
        Dataset<Row> events = new Warehouse(spark, oneThread.toString()).read(WarehouseTable.EVENTS);
        Row range = events.selectExpr("min(event_time)", "max(event_time)").first();
        assertThat(range.getTimestamp(0).toInstant()).isAfterOrEqualTo(Worlds.START.atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant());
        assertThat(range.getTimestamp(1).toInstant()).isBefore(Worlds.START.plusDays(DAYS)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    private static List<Row> sortedRows(Path warehouse, WarehouseTable table) {
        Column[] order = Arrays.stream(table.schema().fieldNames()).filter(c -> !c.equals("interests")
                && !c.equals("regions")).map(c -> col(c).asc_nulls_first()).toArray(Column[]::new);
        return spark.read().parquet(warehouse.resolve(table.tableName()).toString()).orderBy(order).collectAsList();
    }
}
