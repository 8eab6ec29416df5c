package dev.nbo.features.generate;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The column types the warehouse contract uses, as the Parquet writer handles them. */
enum ColumnKind {
    STRING,
    INT,
    DOUBLE,
    BOOLEAN,
    TIMESTAMP,
    DATE,
    STRING_LIST;

    /** The kind of a contract column; a type the writer cannot produce is a programming error. */
    static ColumnKind of(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return STRING;
        }
        if (type.equals(DataTypes.IntegerType)) {
            return INT;
        }
        if (type.equals(DataTypes.DoubleType)) {
            return DOUBLE;
        }
        if (type.equals(DataTypes.BooleanType)) {
            return BOOLEAN;
        }
        if (type.equals(DataTypes.TimestampType)) {
            return TIMESTAMP;
        }
        if (type.equals(DataTypes.DateType)) {
            return DATE;
        }
        if (type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
            return STRING_LIST;
        }
        throw new IllegalStateException("the generator cannot write columns of type " + type.simpleString());
    }
}
