package dev.nbo.experiments.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.experiments.cli.ReportCliRunner;
import dev.nbo.experiments.report.Unit;
import dev.nbo.experiments.report.UnitColumns;
import dev.nbo.experiments.report.UnitTable;
import dev.nbo.experiments.report.UnitTableReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made Parquet table of six units, Snappy-compressed as Spark writes them, with the column types an export
 * brings: a string arm, a boolean, an int64, a decimal(9,2) stored as int32, a float covariate and a Spark INT96
 * timestamp; nulls in a metric, the covariate and the time.
 */
class ParquetUnitTableReaderTest {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message units {
              required binary customer (STRING);
              optional binary arm (STRING);
              optional boolean opened;
              optional int64 clicks;
              optional int32 revenue (DECIMAL(9,2));
              optional float pre_revenue;
              optional int96 assigned_at;
              optional int32 assigned_on (DATE);
              optional int64 assigned_ms (TIMESTAMP(MILLIS,true));
              optional binary note (STRING);
            }
            """);
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:00.000123Z");
    private static final UnitColumns COLUMNS = new UnitColumns("arm", List.of("opened", "clicks", "revenue"),
            Set.of("opened"), "pre_revenue", "assigned_at");

    @TempDir
    Path dir;

    /** Spark's INT96: nanoseconds of the day, then the Julian day, little-endian. */
    static Binary int96(Instant time) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, time);
        long day = Math.floorDiv(micros, 86_400_000_000L);
        long nanos = Math.floorMod(micros, 86_400_000_000L) * 1000;
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(nanos).putInt((int) (day + 2_440_588));
        return Binary.fromConstantByteArray(bytes.array());
    }

    private Path table(String name, List<Group> rows) throws IOException {
        Path file = dir.resolve(name);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(SCHEMA)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        }
        return file;
    }

    private static Group unit(String customer, String arm, Boolean opened, Long clicks, Integer revenueCents,
                              Float pre, Instant assigned) {
        Group row = new SimpleGroupFactory(SCHEMA).newGroup().append("customer", customer);
        if (arm != null) {
            row.append("arm", arm);
        }
        if (opened != null) {
            row.append("opened", opened);
        }
        if (clicks != null) {
            row.append("clicks", clicks);
        }
        if (revenueCents != null) {
            row.append("revenue", revenueCents);
        }
        if (pre != null) {
            row.append("pre_revenue", pre);
        }
        if (assigned != null) {
            row.append("assigned_at", int96(assigned));
            row.append("assigned_on", (int) (ChronoUnit.DAYS.between(Instant.EPOCH, assigned)));
            row.append("assigned_ms", assigned.toEpochMilli());
        }
        return row.append("note", "x");
    }

    private Path sixUnits() throws IOException {
        return table("units.parquet", List.of(
                unit("C1", "control", true, 2L, 1250, 3.5f, T0),
                unit("C2", "control", false, 0L, null, null, null),
                unit("C3", "control", false, 1L, 0, 1.0f, T0.plusSeconds(60)),
                unit("C4", "model", true, 5L, 9999, 0.25f, T0.plusSeconds(120)),
                unit("C5", "model", null, 3L, 100, 2.0f, T0.plusSeconds(180)),
                unit("C6", "model", true, 1L, 4200, 0f, T0.plusSeconds(240))));
    }

    @Test
    void readsEveryColumnTypeWithNullsAsMissing() throws IOException {
        Path file = sixUnits();

        UnitTable table = UnitTableReader.forFile(file).read(file, COLUMNS);

        assertThat(table.metricNames()).containsExactly("opened", "clicks", "revenue");
        List<Unit> units = table.units();
        assertThat(units).extracting(Unit::arm).containsExactly("control", "control", "control", "model", "model",
                "model");
        assertThat(units.get(0).metrics()).containsExactly(1, 2, 12.5);
        assertThat(units.get(0).covariate()).isEqualTo(3.5);
        assertThat(units.get(0).timeMicros()).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH, T0));
        assertThat(units.get(1).metric(2)).isNaN();
        assertThat(units.get(1).covariate()).isNaN();
        assertThat(units.get(1).hasTime()).isFalse();
        assertThat(units.get(3).metrics()).containsExactly(1, 5, 99.99);
        assertThat(units.get(4).metric(0)).isNaN();
    }

    @Test
    void readsDateAndMillisecondTimestamps() throws IOException {
        Path file = sixUnits();

        UnitTable byDate = new ParquetUnitTableReader().read(file, new UnitColumns("arm", List.of("clicks"),
                Set.of(), null, "assigned_on"));
        UnitTable byMillis = new ParquetUnitTableReader().read(file, new UnitColumns("arm", List.of("clicks"),
                Set.of(), null, "assigned_ms"));

        assertThat(byDate.units().get(0).timeMicros()).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH,
                Instant.parse("2025-03-01T00:00:00Z")));
        assertThat(byMillis.units().get(0).timeMicros()).isEqualTo(ChronoUnit.MICROS.between(Instant.EPOCH,
                T0.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Test
    void badColumnsAndRowsAreNamed() throws IOException {
        Path file = sixUnits();
        ParquetUnitTableReader reader = new ParquetUnitTableReader();

        assertThatThrownBy(() -> reader.read(file, new UnitColumns("group", List.of("clicks"), Set.of(), null, null)))
                .hasMessageContaining("no arm column 'group' in the columns [customer, arm, opened");
        assertThatThrownBy(() -> reader.read(file, new UnitColumns("arm", List.of("note"), Set.of(), null, null)))
                .hasMessageContaining(file + " row 1, column 'note': a metric is a number or a boolean");
        assertThatThrownBy(() -> reader.read(file, new UnitColumns("arm", List.of("clicks"), Set.of(), null,
                "note"))).hasMessageContaining(file + " row 1, column 'note': not an ISO-8601 instant or date: 'x'");
        Path nullArm = table("null-arm.parquet", List.of(unit("C1", "control", true, 1L, 1, 1f, T0),
                unit("C2", null, true, 1L, 1, 1f, T0)));
        assertThatThrownBy(() -> reader.read(nullArm, COLUMNS))
                .hasMessageContaining(nullArm + " row 2, arm column 'arm': no arm (null)");
        Path csv = Files.writeString(dir.resolve("not.parquet"), "arm,opened\ncontrol,1\n");
        assertThatThrownBy(() -> reader.read(csv, COLUMNS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(csv + " is not a readable Parquet file");
    }

    @Test
    void theReportCommandTakesAParquetTable() throws IOException {
        Path file = sixUnits();

        ReportCliRunner.Result result = ReportCliRunner.run("report", "--units", file.toString(), "--arm-column",
                "arm", "--control", "control", "--metrics", "opened,clicks,revenue", "--binary", "opened",
                "--covariate", "pre_revenue", "--time-column", "assigned_at", "--out", dir.resolve("out").toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(dir.resolve("out/report.json")).isRegularFile();
        assertThat(result.out()).contains("model vs control on clicks");
    }
}
