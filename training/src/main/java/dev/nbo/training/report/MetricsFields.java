package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient reads of metrics.json. Several helpers write that file and its sections evolve, so a missing, null or
 * mistyped field is read as "absent" and rendered as such, never as an error: a report with a gap is still worth
 * more than no report.
 */
final class MetricsFields {
    private MetricsFields() {
    }

    /** True when the node holds something: not missing, not null, and not an empty object or array. */
    static boolean present(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        return !node.isContainerNode() || node.size() > 0;
    }

    /** A number, or an unknown figure; numeric text such as {@code "NaN"} or {@code "0.5"} is accepted. */
    static Figure number(JsonNode node) {
        if (node == null) {
            return Figure.unknown();
        }
        if (node.isNumber()) {
            return new Figure(node.doubleValue());
        }
        if (node.isTextual()) {
            try {
                return new Figure(Double.parseDouble(node.textValue().trim()));
            } catch (NumberFormatException e) {
                return Figure.unknown();
            }
        }
        return Figure.unknown();
    }

    static Figure number(JsonNode parent, String field) {
        return number(parent.path(field));
    }

    /** The text of a scalar (numbers and booleans as written); empty for missing, null, objects and arrays. */
    static Optional<String> text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return Optional.empty();
        }
        String text = node.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    static String text(JsonNode parent, String field) {
        return text(parent.path(field)).orElse(Figure.UNKNOWN);
    }

    /** Any value as one line of text: numbers formatted, objects and arrays as compact JSON. */
    static String display(JsonNode node) {
        if (!present(node)) {
            return Figure.UNKNOWN;
        }
        if (node.isNumber()) {
            return number(node).plain();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(elements::add);
        }
        return elements;
    }

    /** The fields of an object in file order; empty for anything else. */
    static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        if (node != null && node.isObject()) {
            fields.addAll(node.properties());
        }
        return fields;
    }

    /** The texts of an array of scalars, or of a single scalar; empty for anything else. */
    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> text(element).ifPresent(texts::add));
        } else {
            text(node).ifPresent(texts::add);
        }
        return texts;
    }
}
