package dev.nbo.features.generate;

/** A row of {@code events}; product, session and offer are null where they do not apply. */
record EventRow(String eventId, String customerId, long eventMicros, String eventType, String productId,
                String sessionId, String offerId, long ingestedMicros) implements WarehouseRow {
    @Override
    public void writeTo(RowWriter row) {
        row.string(eventId).string(customerId).timestamp(eventMicros).string(eventType).string(productId)
                .string(sessionId).string(offerId).timestamp(ingestedMicros);
    }
}
