package dev.nbo.features.generate;

/** A row of {@code order_items}. */
record OrderItemRow(String orderId, int lineNo, String productId, int quantity, double unitPrice)
        implements WarehouseRow {
    @Override
    public void writeTo(RowWriter row) {
        row.string(orderId).integer(lineNo).string(productId).integer(quantity).number(unitPrice);
    }
}
