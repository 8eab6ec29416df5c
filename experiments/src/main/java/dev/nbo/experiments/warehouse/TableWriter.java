package dev.nbo.experiments.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one table of an export: rows stream into {@code <table>/.part-00000.parquet.tmp} (a hidden name, which Spark
 * skips), and {@link #commit} moves it over {@code part-00000.parquet} in one atomic rename and deletes any other
 * {@code part-*} file of the folder, so a reader sees the previous export or this one, whole. An export is a full
 * snapshot of the logs, never an increment. Closing without committing deletes the temporary file and leaves the
 * previous export in place.
 *
 * <p>Pages are uncompressed: every Parquet codec goes through Hadoop's codec classes, and the writer runs in
 * serving, which keeps Hadoop off its classpath. Dictionary encoding still shrinks the repetitive columns.
 */
public final class TableWriter<R> implements AutoCloseable {
    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";

    private final ExperimentTable<R> table;
    private final Path target;
    private final Path temp;
    private final ParquetWriter<R> writer;
    private long rows;
    private boolean finished;

    private TableWriter(ExperimentTable<R> table, Path target, Path temp, ParquetWriter<R> writer) {
        this.table = table;
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /** Starts the table's file under {@code warehouse} (created if needed). */
    public static <R> TableWriter<R> open(ExperimentTable<R> table, Path warehouse) {
        Path target = table.file(warehouse);
        Path temp = target.resolveSibling(TEMP_PREFIX + ExperimentTable.PART_FILE + TEMP_SUFFIX);
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temp);
            ParquetWriter<R> writer = new Builder<>(new LocalOutputFile(temp), table)
                    .withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                    .withDictionaryEncoding(true)
                    .withValidation(false)
                    .build();
            return new TableWriter<>(table, target, temp, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + temp + ": " + e.getMessage(), e);
        }
    }

    public void write(R row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + temp + ": " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
    }

    /** The file readers see after {@link #commit}. */
    public Path target() {
        return target;
    }

    /** Finishes the file and puts it in place of the previous export's. */
    public void commit() {
        if (finished) {
            throw new IllegalStateException("table " + table + " is already finished");
        }
        finished = true;
        try {
            writer.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            deleteOtherParts();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + target + ": " + e.getMessage(), e);
        }
    }

    private void deleteOtherParts() throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(target.getParent(), "part-*")) {
            for (Path part : parts) {
                if (!part.getFileName().equals(target.getFileName())) {
                    Files.delete(part);
                }
            }
        }
    }

    /** Abandons an unfinished file (the previous export stays); nothing after {@link #commit}. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            // the file is abandoned anyway
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + temp + ": " + e.getMessage(), e);
        }
    }

    private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
        private final ExperimentTable<R> table;

        Builder(OutputFile file, ExperimentTable<R> table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder<R> self() {
            return this;
        }

        /** Abstract in parquet-hadoop 1.17 and never called with a {@link ParquetConfiguration}: no Hadoop needed. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<R> getWriteSupport(Configuration configuration) {
            return new TableWriteSupport<>(table);
        }

        @Override
        protected WriteSupport<R> getWriteSupport(ParquetConfiguration configuration) {
            return new TableWriteSupport<>(table);
        }
    }

    private static final class TableWriteSupport<R> extends WriteSupport<R> {
        private final ExperimentTable<R> table;
        private RecordConsumer out;

        TableWriteSupport(ExperimentTable<R> table) {
            this.table = table;
        }

        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(Configuration configuration) {
            return context();
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return context();
        }

        private WriteContext context() {
            return new WriteContext(table.schema(), Map.of("nbo.table", table.name()));
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(R row) {
            table.write(row, out);
        }
    }
}
