package dev.nbo.serving.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An accepted event as one log record: a JSON object with the warehouse's event columns ({@code event_id},
 * {@code customer_id}, {@code event_type}, {@code product_id}, {@code session_id}, {@code offer_id}, and for outcomes {@code request_id} and
 * {@code revenue}), the times as
 * epoch microseconds UTC ({@code event_time_us}, {@code ingested_at_us}: exact, and cheaper to write than ISO text at
 * 50,000 events a second), plus the {@code category} resolved at acceptance, so that a replay hands the store the
 * very row it got live even if the catalog changed since. Absent optional fields are left out.
 */
final class EventLogCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private EventLogCodec() {
    }

    static byte[] encode(Event event, long ingestedAtMicros) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("event_id", event.eventId());
            json.writeStringField("customer_id", event.customerId());
            json.writeNumberField("event_time_us", event.timeMicros());
            json.writeStringField("event_type", Event.wireName(event.type()));
            optional(json, "product_id", event.productId());
            optional(json, "category", event.category());
            optional(json, "session_id", event.sessionId());
            optional(json, "offer_id", event.offerId());
            optional(json, "request_id", event.requestId());
            if (event.revenue() != null) {
                json.writeNumberField("revenue", event.revenue());
            }
            json.writeNumberField("ingested_at_us", ingestedAtMicros);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    static Event decode(byte[] record) {
        return event(tree(record));
    }

    /** The event and its {@code ingested_at_us}. */
    static LoggedEvent decodeLogged(byte[] record) {
        JsonNode node = tree(record);
        return new LoggedEvent(event(node), node.get("ingested_at_us").longValue());
    }

    private static Event event(JsonNode node) {
        return new Event(node.get("event_id").textValue(), node.get("customer_id").textValue(),
                node.get("event_time_us").longValue(),
                Event.typeOf(node.get("event_type").textValue()).orElseThrow(
                        () -> new IllegalStateException("unknown event type in the event log: " + node)),
                node.path("product_id").textValue(), node.path("category").textValue(),
                node.path("session_id").textValue(), node.path("offer_id").textValue(),
                node.path("request_id").textValue(), node.hasNonNull("revenue") ? node.get("revenue").doubleValue()
                : null);
    }

    static String eventId(byte[] record) {
        return tree(record).get("event_id").textValue();
    }

    private static JsonNode tree(byte[] record) {
        try {
            return JSON.readTree(record);
        } catch (IOException e) {
            throw new IllegalStateException("a record of the event log is not an event: " + e.getMessage(), e);
        }
    }
}
