package dev.nbo.features.generate;

/** A row of a warehouse table that knows how to write its columns, in contract order. */
interface WarehouseRow {
    void writeTo(RowWriter row);
}
