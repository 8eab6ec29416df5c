package dev.nbo.serving.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The fields of one posted event that validation reads, taken from the parser without building a JSON tree for the
 * event (a tree per event was most of the parse): each field is a string, another JSON value (kept as a tree, for the
 * error message naming it), or absent (missing or null). Unknown fields are skipped; a field given twice keeps its
 * last value, as in a tree.
 */
final class EventFields {
    private static final String[] NAMES = {"event_id", "customer_id", "time", "type", "product_id", "session_id",
            "offer_id", "request_id", "revenue"};
    private static final int REVENUE = 8;

    private final String[] texts = new String[NAMES.length];
    private final JsonNode[] others = new JsonNode[NAMES.length];

    private EventFields() {
    }

    /** Reads the object whose {@code START_OBJECT} the parser is at, through its {@code END_OBJECT}. */
    static EventFields read(JsonParser parser) throws IOException {
        EventFields fields = new EventFields();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            int field = index(name);
            JsonToken token = parser.nextToken();
            if (field < 0) {
                parser.skipChildren();
            } else if (token == JsonToken.VALUE_NULL) {
                fields.texts[field] = null;
                fields.others[field] = null;
            } else if (token == JsonToken.VALUE_STRING && field != REVENUE) {
                fields.texts[field] = parser.getText();
                fields.others[field] = null;
            } else {
                // revenue is a number, and its errors quote even a string as JSON: it is always kept as a tree
                fields.texts[field] = null;
                fields.others[field] = parser.readValueAsTree();
            }
        }
        return fields;
    }

    /** The field's value when it is a JSON string; null otherwise. */
    String text(String name) {
        return texts[require(name)];
    }

    /** The field's value when it is present, not null and not a string ({@code revenue}: any value); else null. */
    JsonNode other(String name) {
        return others[require(name)];
    }

    private static int require(String name) {
        int field = index(name);
        if (field < 0) {
            throw new IllegalArgumentException("an event has no field " + name);
        }
        return field;
    }

    private static int index(String name) {
        return switch (name) {
            case "event_id" -> 0;
            case "customer_id" -> 1;
            case "time" -> 2;
            case "type" -> 3;
            case "product_id" -> 4;
            case "session_id" -> 5;
            case "offer_id" -> 6;
            case "request_id" -> 7;
            case "revenue" -> REVENUE;
            default -> -1;
        };
    }
}
