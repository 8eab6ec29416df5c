package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Parquet's hook for writing our rows: the table's schema, and each row straight to the record consumer. */
final class RowWriteSupport<R extends WarehouseRow> extends WriteSupport<R> {
    static final String WRITER_NAME = "nbo-generate";

    private final WarehouseTable table;
    private final RowWriter writer;

    RowWriteSupport(WarehouseTable table) {
        this.table = table;
        this.writer = new RowWriter(table);
    }

    /** Deprecated for the Hadoop-free overload below, but still abstract in parquet-hadoop 1.17. */
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
        return new WriteContext(ParquetSchemas.of(table), Map.of("writer.model.name", WRITER_NAME));
    }

    @Override
    public String getName() {
        return WRITER_NAME;
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        writer.attach(recordConsumer);
    }

    @Override
    public void write(R row) {
        writer.write(row);
    }
}
