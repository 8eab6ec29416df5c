package dev.nbo.experiments.warehouse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * One row of the {@code email_events} table: an event of the event log with the warehouse's event columns, the
 * outcome fields and when it was accepted. Times are kept to the microsecond.
 *
 * @param eventType the event's wire name ({@code email_open}, {@code purchase}, {@code page_view}, ...)
 * @param category  the product's category when the event was accepted; null exactly when there is no product
 * @param requestId the offers request the event answers, null when the ESP sent none
 * @param revenue   a purchase's amount, null when absent
 */
public record EventRow(String eventId, String customerId, Instant eventTime, String eventType, String productId,
                       String category, String sessionId, String offerId, String requestId, Double revenue,
                       Instant ingestedAt) {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message email_events {
              required binary event_id (STRING);
              required binary customer_id (STRING);
              required int64 event_time (TIMESTAMP(MICROS,true));
              required binary event_type (STRING);
              optional binary product_id (STRING);
              optional binary category (STRING);
              optional binary session_id (STRING);
              optional binary offer_id (STRING);
              optional binary request_id (STRING);
              optional double revenue;
              required int64 ingested_at (TIMESTAMP(MICROS,true));
            }
            """);

    public EventRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        eventTime = Objects.requireNonNull(eventTime, "eventTime").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(eventType, "eventType");
        ingestedAt = Objects.requireNonNull(ingestedAt, "ingestedAt").truncatedTo(ChronoUnit.MICROS);
    }

    void write(RecordConsumer out) {
        out.startMessage();
        ParquetFields.string(out, "event_id", 0, eventId);
        ParquetFields.string(out, "customer_id", 1, customerId);
        ParquetFields.timestamp(out, "event_time", 2, eventTime);
        ParquetFields.string(out, "event_type", 3, eventType);
        ParquetFields.string(out, "product_id", 4, productId);
        ParquetFields.string(out, "category", 5, category);
        ParquetFields.string(out, "session_id", 6, sessionId);
        ParquetFields.string(out, "offer_id", 7, offerId);
        ParquetFields.string(out, "request_id", 8, requestId);
        ParquetFields.float64(out, "revenue", 9, revenue);
        ParquetFields.timestamp(out, "ingested_at", 10, ingestedAt);
        out.endMessage();
    }

    static EventRow read(Group row) {
        return new EventRow(ParquetFields.requiredString(row, "event_id"),
                ParquetFields.requiredString(row, "customer_id"), ParquetFields.timestamp(row, "event_time"),
                ParquetFields.requiredString(row, "event_type"), ParquetFields.string(row, "product_id"),
                ParquetFields.string(row, "category"), ParquetFields.string(row, "session_id"),
                ParquetFields.string(row, "offer_id"), ParquetFields.string(row, "request_id"),
                ParquetFields.float64(row, "revenue"), ParquetFields.timestamp(row, "ingested_at"));
    }
}
