package dev.nbo.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvUnitTableReaderTest {

    @Test
    void rfc4180QuotesCommasLineBreaksAndDoubledQuotes() throws Exception {
        CsvRecords records = new CsvRecords(new StringReader("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n,\n"), "t");
        assertThat(records.next().fields()).containsExactly("a", "b");
        CsvRecords.Record quoted = records.next();
        assertThat(quoted.fields()).containsExactly("x, \"y\"", "two\nlines");
        assertThat(quoted.line()).isEqualTo(2);
        CsvRecords.Record empty = records.next();
        assertThat(empty.fields()).containsExactly("", "");
        assertThat(empty.line()).isEqualTo(4);
        assertThat(records.next()).isNull();
    }

    @Test
    void readsValuesMissingCellsAndTimes(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("u.csv"), """
                arm,clicked,revenue,pre,at
                a,true,1.5,2,2025-03-01T10:00:00Z
                b,0,,,2025-03-02
                b,,3,1,2025-03-02T01:00:00+01:00
                a,1,4,,
                """);
        UnitTable table = UnitTableReader.forFile(file).read(file, new UnitColumns("arm",
                List.of("clicked", "revenue"), Set.of("clicked"), "pre", "at"));

        assertThat(table.units()).hasSize(4);
        Unit first = table.units().get(0);
        assertThat(first.metrics()).containsExactly(1, 1.5);
        assertThat(first.covariate()).isEqualTo(2);
        assertThat(first.timeMicros()).isEqualTo(1_740_823_200_000_000L);
        assertThat(table.units().get(1).metric(1)).isNaN();
        assertThat(table.units().get(1).covariate()).isNaN();
        assertThat(table.units().get(1).timeMicros()).isEqualTo(1_740_873_600_000_000L);
        assertThat(table.units().get(2).metric(0)).isNaN();
        assertThat(table.units().get(2).timeMicros()).isEqualTo(1_740_873_600_000_000L);
        assertThat(table.units().get(3).hasTime()).isFalse();
    }

    @Test
    void picksTheReaderByExtension() {
        assertThat(UnitTableReader.forFile(Path.of("x/UNITS.CSV"))).isInstanceOf(CsvUnitTableReader.class);
        assertThat(UnitTableReader.forFile(Path.of("x/units.Parquet")))
                .isInstanceOf(dev.nbo.experiments.warehouse.ParquetUnitTableReader.class);
        assertThatThrownBy(() -> UnitTableReader.forFile(Path.of("units.xlsx")))
                .hasMessageContaining("unsupported extension '.xlsx'").hasMessageContaining("supported: .csv, .parquet");
        assertThatThrownBy(() -> UnitTableReader.forFile(Path.of("units"))).hasMessageContaining("no file extension");
    }
}
