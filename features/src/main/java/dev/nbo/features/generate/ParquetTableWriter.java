package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
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
            Builder<R> builder = new Builder<R>(new LocalOutputFile(file), table)
                    .withConf(new Configuration(false))
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withDictionaryEncoding(true)
                    .withValidation(false);
            for (String column : nearlyUnique(table)) {
                builder.withDictionaryEncoding(column, false);
                if (!isTime(column)) {
                    // min/max of random ids filter nothing; of times they let readers skip row groups
                    builder.withStatisticsEnabled(column, false);
                }
            }
            return new ParquetTableWriter<>(file, builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Columns whose values (almost) never repeat: a dictionary would only be built to be thrown away, which costs
     * more than the whole rest of writing them.
     */
    private static List<String> nearlyUnique(WarehouseTable table) {
        return switch (table) {
            case CUSTOMERS -> List.of("customer_id", "signup_time");
            case ORDERS -> List.of("order_id", "order_time");
            case ORDER_ITEMS -> List.of("order_id");
            case EVENTS -> List.of("event_id", "event_time", "session_id", "ingested_at");
            case PRODUCTS, OFFERS -> List.of();
        };
    }

    private static boolean isTime(String column) {
        return column.endsWith("_time") || column.endsWith("_at");
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

        /** Deprecated for the Hadoop-free overload below, but still abstract in parquet-hadoop 1.17. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<R> getWriteSupport(Configuration configuration) {
            return new RowWriteSupport<>(table);
        }

        @Override
        protected WriteSupport<R> getWriteSupport(ParquetConfiguration configuration) {
            return new RowWriteSupport<>(table);
        }
    }
}
