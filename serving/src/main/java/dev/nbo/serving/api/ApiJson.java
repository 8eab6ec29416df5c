package dev.nbo.serving.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * JSON on the wire: camelCase field names ({@code requestId, customerId, modelVersion}), and strict reading so that a
 * client's mistake is a 400 that names the field instead of a silently defaulted value.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = create();

    private ApiJson() {
    }

    /** The mapper the API reads and writes with; shared and thread-safe, do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "42" for a number or 42 for a string is a client bug worth reporting, not something to guess around.
        // An int is still fine for a double field: that is widening, not guessing.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Writes a JSON body for a generator, as {@code application/json}. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Answers with the JSON that {@code writer} generates: for hot routes that write their body field by field
     * instead of building a tree for the mapper.
     */
    public static void respond(Context ctx, Writer writer) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = MAPPER.createGenerator(body)) {
            writer.write(json);
        }
        ctx.contentType("application/json").result(body.toByteArray());
    }

    /**
     * The request body as {@code type}. A missing body or a non-JSON content type is refused here; bad JSON is thrown
     * as Jackson's exception and becomes a 400/422 problem in {@link ProblemMapper}.
     */
    public static <T> T read(Context ctx, Class<T> type) throws IOException {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json (got Content-Type "
                    + (contentType == null ? "none" : "'" + contentType + "'") + ")");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        T value = MAPPER.readValue(body, type);
        if (value == null) {
            throw ApiException.badRequest("the body is JSON null; send a " + type.getSimpleName() + " object");
        }
        return value;
    }
}
