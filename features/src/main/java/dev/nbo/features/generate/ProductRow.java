package dev.nbo.features.generate;

/** A row of {@code products}. */
record ProductRow(String productId, String name, String category, double price) implements WarehouseRow {
    static ProductRow of(Product product) {
        return new ProductRow(product.id(), product.name(), product.category().wireName(), product.price());
    }

    @Override
    public void writeTo(RowWriter row) {
        row.string(productId).string(name).string(category).number(price);
    }
}
