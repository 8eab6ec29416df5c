package dev.nbo.features.generate;

import dev.nbo.features.warehouse.WarehouseTable;
import java.nio.file.Path;

/**
 * The part files of one chunk of customers, one per customer-dependent table ({@code customers/part-00003.parquet}
 * ...). A chunk's files are named by its index, so the layout does not depend on which thread wrote them.
 */
final class ChunkFiles implements WarehouseSink, AutoCloseable {
    private final ParquetTableWriter<CustomerRow> customers;
    private final ParquetTableWriter<OrderRow> orders;
    private final ParquetTableWriter<OrderItemRow> orderItems;
    private final ParquetTableWriter<EventRow> events;

    ChunkFiles(Path warehouse, int chunk) {
        this.customers = ParquetTableWriter.create(partFile(warehouse, WarehouseTable.CUSTOMERS, chunk),
                WarehouseTable.CUSTOMERS);
        this.orders = ParquetTableWriter.create(partFile(warehouse, WarehouseTable.ORDERS, chunk),
                WarehouseTable.ORDERS);
        this.orderItems = ParquetTableWriter.create(partFile(warehouse, WarehouseTable.ORDER_ITEMS, chunk),
                WarehouseTable.ORDER_ITEMS);
        this.events = ParquetTableWriter.create(partFile(warehouse, WarehouseTable.EVENTS, chunk),
                WarehouseTable.EVENTS);
    }

    static Path partFile(Path warehouse, WarehouseTable table, int part) {
        return warehouse.resolve(table.tableName()).resolve(String.format("part-%05d.parquet", part));
    }

    @Override
    public void customer(CustomerRow row) {
        customers.write(row);
    }

    @Override
    public void order(OrderRow row) {
        orders.write(row);
    }

    @Override
    public void orderItem(OrderItemRow row) {
        orderItems.write(row);
    }

    @Override
    public void event(EventRow row) {
        events.write(row);
    }

    long events() {
        return events.rows();
    }

    RowCounts counts() {
        RowCounts counts = new RowCounts();
        counts.add(WarehouseTable.CUSTOMERS, customers.rows());
        counts.add(WarehouseTable.ORDERS, orders.rows());
        counts.add(WarehouseTable.ORDER_ITEMS, orderItems.rows());
        counts.add(WarehouseTable.EVENTS, events.rows());
        return counts;
    }

    /** Closes all four files, even when one fails (the first failure is thrown, the others attached to it). */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (ParquetTableWriter<?> writer : java.util.List.of(customers, orders, orderItems, events)) {
            try {
                writer.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
