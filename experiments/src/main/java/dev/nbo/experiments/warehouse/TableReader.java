package dev.nbo.experiments.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads Parquet files record by record, without Spark: the tables of an export as rows, and any local Parquet file
 * as generic records (the report's table mode). Columns are read by name, so a table rewritten by Spark (other column
 * order, extra columns) reads the same.
 */
public final class TableReader {
    private TableReader() {
    }

    /** Every row of {@code table} in {@code warehouse}, in file order. */
    public static <R> List<R> readAll(ExperimentTable<R> table, Path warehouse) {
        List<R> rows = new ArrayList<>();
        read(table, warehouse, rows::add);
        return rows;
    }

    /**
     * Streams the rows of {@code table}.
     *
     * @throws IllegalStateException when the warehouse has no such table (the message says how to export it)
     */
    public static <R> void read(ExperimentTable<R> table, Path warehouse, Consumer<R> consumer) {
        Path file = table.file(warehouse);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + table.name() + " table in " + warehouse + " (" + file
                    + " is missing): export the logs first with ./nbo export-logs --out " + warehouse);
        }
        forEachRecord(file, record -> consumer.accept(table.read(record)));
    }

    /** The schema of a Parquet file. */
    public static MessageType schema(Path file) {
        try (ParquetFileReader reader = open(file)) {
            return reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as Parquet: " + e.getMessage(), e);
        }
    }

    /** Every record of a Parquet file, in order, as a generic {@link Group}. */
    public static void forEachRecord(Path file, Consumer<Group> consumer) {
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            ColumnIOFactory columns = new ColumnIOFactory();
            for (PageReadStore rowGroup = reader.readNextRowGroup(); rowGroup != null;
                 rowGroup = reader.readNextRowGroup()) {
                RecordReader<Group> records = columns.getColumnIO(schema).getRecordReader(rowGroup,
                        new GroupRecordConverter(schema));
                for (long i = 0; i < rowGroup.getRowCount(); i++) {
                    consumer.accept(records.read());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " as Parquet: " + e.getMessage(), e);
        }
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    }
}
