package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.StructField;

/**
 * The Parquet schema of a warehouse table, derived from the contract ({@link WarehouseTable}) so that the two cannot
 * drift apart. Every column is optional (the contract's columns are nullable); timestamps are INT64
 * TIMESTAMP(MICROS, UTC), dates INT32 DATE and string arrays the standard three-level LIST, which is what Spark
 * itself writes and reads back as exactly the contract's types.
 */
final class ParquetSchemas {
    private ParquetSchemas() {
    }

    static MessageType of(WarehouseTable table) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField field : table.schema().fields()) {
            String name = field.name();
            switch (ColumnKind.of(field.dataType())) {
                case STRING -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(name);
                case INT -> message.optional(PrimitiveTypeName.INT32).named(name);
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(name);
                case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(name);
                case TIMESTAMP -> message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(name);
                case DATE -> message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType())
                        .named(name);
                case STRING_LIST -> message.optionalList().optionalElement(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
            }
        }
        return message.named("spark_schema");
    }
}
