package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * One Parquet file of a warehouse table, written without Spark: rows stream through a {@link RowWriter} into
 * Parquet's column buffers, which are flushed every row group, so memory stays bounded whatever the file size.
 * Written to a local path ({@link LocalOutputFile}: no Hadoop file system, no {@code .crc} files).
 */
final class ParquetTableWriter<R extends WarehouseRow> implements AutoCloseable {
    /** Row groups of 64 MiB: large enough for efficient scans, small enough for a few writers per thread. */
    private static final long ROW_GROUP_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final ParquetWriter<R> writer;
    private long rows;

    private ParquetTableWriter(Path file, ParquetWriter<R> writer) {
        this.file = file;
        this.writer = writer;
    }

    static <R extends WarehouseRow> ParquetTableWriter<R> create(Path file, WarehouseTable table) {
        try {
            ParquetWriter<R> writer = new Builder<R>(new LocalOutputFile(file), table)
                    .withConf(new Configuration(false))
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withDictionaryEncoding(true)
                    .withValidation(false)
                    .build();
            return new ParquetTableWriter<>(file, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    void write(R row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Builder<R extends WarehouseRow> extends ParquetWriter.Builder<R, Builder<R>> {
        private final WarehouseTable table;

        Builder(OutputFile file, WarehouseTable table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder<R> self() {
            return this;
        }

        @Override
        protected WriteSupport<R> getWriteSupport(Configuration configuration) {
            return new RowWriteSupport<>(table);
        }

        @Override
        protected WriteSupport<R> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport<>(table);
        }
    }
}
