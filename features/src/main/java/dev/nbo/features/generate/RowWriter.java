package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.spark.sql.types.StructField;

/**
 * Writes one row of a table to Parquet, one call per column in contract order; a null leaves the column out, which
 * Parquet reads as null. Each call checks the column's kind, so a row that disagrees with the contract fails on its
 * first write instead of producing a file Spark reads with another schema.
 */
final class RowWriter {
    private static final String LIST_GROUP = "list";
    private static final String ELEMENT = "element";

    private final WarehouseTable table;
    private final String[] names;
    private final ColumnKind[] kinds;
    private RecordConsumer consumer;
    private int column;

    RowWriter(WarehouseTable table) {
        this.table = table;
        StructField[] fields = table.schema().fields();
        this.names = new String[fields.length];
        this.kinds = new ColumnKind[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].name();
            kinds[i] = ColumnKind.of(fields[i].dataType());
        }
    }

    void attach(RecordConsumer consumer) {
        this.consumer = consumer;
    }

    void write(WarehouseRow row) {
        consumer.startMessage();
        column = 0;
        row.writeTo(this);
        if (column != names.length) {
            throw new IllegalStateException(table.tableName() + " row wrote " + column + " of " + names.length
                    + " columns: " + row);
        }
        consumer.endMessage();
    }

    RowWriter string(String value) {
        expect(ColumnKind.STRING);
        if (value != null) {
            open();
            consumer.addBinary(utf8(value));
            close();
        }
        column++;
        return this;
    }

    RowWriter integer(Integer value) {
        expect(ColumnKind.INT);
        if (value != null) {
            open();
            consumer.addInteger(value);
            close();
        }
        column++;
        return this;
    }

    RowWriter number(Double value) {
        expect(ColumnKind.DOUBLE);
        if (value != null) {
            open();
            consumer.addDouble(value);
            close();
        }
        column++;
        return this;
    }

    RowWriter bool(Boolean value) {
        expect(ColumnKind.BOOLEAN);
        if (value != null) {
            open();
            consumer.addBoolean(value);
            close();
        }
        column++;
        return this;
    }

    /** A UTC instant in epoch microseconds. */
    RowWriter timestamp(long micros) {
        expect(ColumnKind.TIMESTAMP);
        open();
        consumer.addLong(micros);
        close();
        column++;
        return this;
    }

    RowWriter date(LocalDate value) {
        expect(ColumnKind.DATE);
        if (value != null) {
            open();
            consumer.addInteger((int) value.toEpochDay());
            close();
        }
        column++;
        return this;
    }

    /** A list of strings in the three-level layout: {@code <column> (LIST) { repeated group list { element } }}. */
    RowWriter strings(List<String> values) {
        expect(ColumnKind.STRING_LIST);
        if (values != null) {
            open();
            consumer.startGroup();
            if (!values.isEmpty()) {
                consumer.startField(LIST_GROUP, 0);
                for (String value : values) {
                    consumer.startGroup();
                    if (value != null) {
                        consumer.startField(ELEMENT, 0);
                        consumer.addBinary(utf8(value));
                        consumer.endField(ELEMENT, 0);
                    }
                    consumer.endGroup();
                }
                consumer.endField(LIST_GROUP, 0);
            }
            consumer.endGroup();
            close();
        }
        column++;
        return this;
    }

    /** The UTF-8 bytes as a Binary; cheaper than {@code Binary.fromString}, which goes through a ByteBuffer. */
    private static Binary utf8(String value) {
        return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    private void expect(ColumnKind kind) {
        if (column >= kinds.length || kinds[column] != kind) {
            throw new IllegalStateException(table.tableName() + ": column " + column
                    + (column < kinds.length ? " (" + names[column] + ", " + kinds[column] + ")" : "")
                    + " written as " + kind);
        }
    }

    private void open() {
        consumer.startField(names[column], column);
    }

    private void close() {
        consumer.endField(names[column], column);
    }
}
