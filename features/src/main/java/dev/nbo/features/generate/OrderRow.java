package dev.nbo.features.generate;

/** A row of {@code orders}: a purchase, or the cancellation of one. */
record OrderRow(String orderId, String customerId, long orderMicros, String orderType) implements WarehouseRow {
    @Override
    public void writeTo(RowWriter row) {
        row.string(orderId).string(customerId).timestamp(orderMicros).string(orderType);
    }
}
