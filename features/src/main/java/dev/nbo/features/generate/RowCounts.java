package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;

/** Rows written per table, by table name in contract order. */
public final class RowCounts extends EnumCounts<WarehouseTable> {
    RowCounts() {
        super(WarehouseTable.class);
    }

    @Override
    String name(WarehouseTable table) {
        return table.tableName();
    }

    public long rows(WarehouseTable table) {
        return get(table);
    }
}
