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
 *
 * <p>GDPR erasure rewrites a customer's records as {@code {"erased": true, ...}} without {@code customer_id} and
 * {@code session_id}; an erased record decodes as null: replays, reports and exports skip it, while its event id still
 * guards idempotency.
 */
final class EventLogCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private EventLogCodec() {
    }

    /**
     * The record of an event. Ids follow the id rule and event types are plain words, so a record without revenue
     * and with a plain-ASCII category is written as text directly, with the very bytes Jackson writes
     * ({@code EventLogCodecTest}); a generator per event cost more than the rest of the record's work.
     */
    static byte[] encode(Event event, long ingestedAtMicros) {
        if (event.revenue() != null || !isPlain(event.category())) {
            return encodeWithJackson(event, ingestedAtMicros);
        }
        String time = Long.toString(event.timeMicros());
        String ingested = Long.toString(ingestedAtMicros);
        String type = Event.wireName(event.type());
        int size = 13 + event.eventId().length() + 17 + event.customerId().length() + 18 + time.length() + 15
                + type.length() + 1 + optionalSize("product_id", event.productId())
                + optionalSize("category", event.category()) + optionalSize("session_id", event.sessionId())
                + optionalSize("offer_id", event.offerId()) + optionalSize("request_id", event.requestId()) + 18
                + ingested.length() + 1;
        Ascii json = new Ascii(size);
        json.add("{\"event_id\":\"").add(event.eventId()).add("\",\"customer_id\":\"").add(event.customerId())
                .add("\",\"event_time_us\":").add(time).add(",\"event_type\":\"").add(type).add("\"");
        optional(json, "product_id", event.productId());
        optional(json, "category", event.category());
        optional(json, "session_id", event.sessionId());
        optional(json, "offer_id", event.offerId());
        optional(json, "request_id", event.requestId());
        return json.add(",\"ingested_at_us\":").add(ingested).add("}").bytes();
    }

    /** The bytes of {@code ,"field":"value"}; 0 for an absent value. */
    private static int optionalSize(String field, String value) {
        return value == null ? 0 : field.length() + value.length() + 6;
    }

    private static void optional(Ascii json, String field, String value) {
        if (value != null) {
            json.add(",\"").add(field).add("\":\"").add(value).add("\"");
        }
    }

    /** Text known to be ASCII written into a byte array of its exact size: no builder, no copy, no encoder. */
    private static final class Ascii {
        private final byte[] bytes;
        private int length;

        Ascii(int size) {
            bytes = new byte[size];
        }

        Ascii add(String text) {
            for (int i = 0; i < text.length(); i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        byte[] bytes() {
            if (length != bytes.length) {
                throw new IllegalStateException("an event record took " + length + " bytes, " + bytes.length
                        + " were reserved");
            }
            return bytes;
        }
    }

    /** Printable ASCII that JSON writes as is (no quote, no backslash); null counts (the field is left out). */
    private static boolean isPlain(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static byte[] encodeWithJackson(Event event, long ingestedAtMicros) {
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

    /** The event of a record; null for an erased record. */
    static Event decode(byte[] record) {
        JsonNode node = tree(record);
        return erased(node) ? null : event(node);
    }

    /** The event and its {@code ingested_at_us}; null for an erased record. */
    static LoggedEvent decodeLogged(byte[] record) {
        JsonNode node = tree(record);
        return erased(node) ? null : new LoggedEvent(event(node), node.get("ingested_at_us").longValue());
    }

    private static boolean erased(JsonNode node) {
        return node.path("erased").asBoolean(false);
    }

    /**
     * The record without the customer's personal fields when it is {@code customerId}'s, else null (unchanged).
     */
    static byte[] erasedOf(byte[] record, String customerId) {
        JsonNode node = tree(record);
        if (erased(node) || !customerId.equals(node.path("customer_id").textValue())) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
        object.remove("customer_id");
        object.remove("session_id");
        object.put("erased", true);
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
