package dev.nbo.models.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one JSON configuration for every registry file (manifest, champion pointer, promotion log): strict on read,
 * so that a file from a newer format or edited by hand is refused with the field at fault instead of half-read.
 * Times are ISO-8601 text; models stays free of Jackson's java.time module.
 */
final class RegistryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(timeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private RegistryJson() {
    }

    /** Pretty JSON for files people open (the manifest, the champion pointer). */
    static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** One line, for append-only logs. */
    static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static JsonNode tree(String origin, String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw refused(origin, e);
        }
    }

    static <T> T read(String origin, JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw refused(origin, e);
        }
    }

    static <T> T read(String origin, String json, Class<T> type) {
        return read(origin, tree(origin, json), type);
    }

    private static IllegalArgumentException refused(String origin, JsonProcessingException e) {
        String where = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String at = where.isEmpty() ? "" : " " + where + ":";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new IllegalArgumentException(origin + ":" + at + " unknown field '" + unknown.getPropertyName()
                    + "'; the file was written by a newer release or edited by hand; use a release that reads it or"
                    + " register the model again", e);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            return new IllegalArgumentException(origin + ":" + at + " " + invalid.getMessage(), e);
        }
        if (e.getOriginalMessage().startsWith("Missing creator property")) {
            return new IllegalArgumentException(origin + ":" + at + " is required", e);
        }
        return new IllegalArgumentException(origin + ":" + at + " not valid: " + e.getOriginalMessage(), e);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static SimpleModule timeModule() {
        SimpleModule module = new SimpleModule("nbo-registry-time");
        module.addSerializer(Instant.class, new AsText<>(Instant.class));
        module.addDeserializer(Instant.class, new FromText<>(Instant.class, Instant::parse,
                "an instant in ISO-8601 UTC, e.g. 2026-11-01T03:00:00Z"));
        module.addSerializer(LocalDate.class, new AsText<>(LocalDate.class));
        module.addDeserializer(LocalDate.class, new FromText<>(LocalDate.class, LocalDate::parse,
                "a date written YYYY-MM-DD, e.g. 2026-11-01"));
        return module;
    }

    private static final class AsText<T> extends StdScalarSerializer<T> {
        private static final long serialVersionUID = 1L;

        AsText(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class FromText<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parser;
        private final String expected;

        FromText(Class<T> type, Function<String, T> parser, String expected) {
            super(type);
            this.parser = parser;
            this.expected = expected;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return this.parser.apply(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, "expected " + expected);
            }
        }
    }
}
