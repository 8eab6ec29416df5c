package dev.nbo.features.generate;

/** Where the simulator puts the rows of its customers: Parquet files, dirt on the way, or a list in a test. */
interface WarehouseSink {
    void customer(CustomerRow row);

    void order(OrderRow row);

    void orderItem(OrderItemRow row);

    void event(EventRow row);
}
