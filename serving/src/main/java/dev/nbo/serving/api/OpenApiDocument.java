package dev.nbo.serving.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The OpenAPI 3.1 description of the API, generated from the routes the server actually registers, so the document
 * cannot drift from the code.
 */
final class OpenApiDocument {
    static final String SECURITY_SCHEME_BEARER = "bearerKey";
    static final String SECURITY_SCHEME_HEADER = "apiKeyHeader";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiDocument() {
    }

    static ObjectNode of(List<Route> routes, String version) {
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "NBO serving API").put("version", version)
                .put("description", "Ranked offers for email blocks, behavioural events and model operations. "
                        + "Errors are application/problem+json; see docs/serving-api.md.");
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.method().name().toLowerCase(java.util.Locale.ROOT), operation(route));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject(SECURITY_SCHEME_BEARER).put("type", "http").put("scheme", "bearer")
                .put("description", "API key as a bearer token; scopes: " + Scope.allLabels());
        schemes.putObject(SECURITY_SCHEME_HEADER).put("type", "apiKey").put("in", "header")
                .put("name", KeyAuthenticator.API_KEY_HEADER);
        components.putObject("schemas").set("Problem", problemSchema());
        return doc;
    }

    private static ObjectNode operation(Route route) {
        ObjectNode op = JSON.objectNode();
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        ArrayNode parameters = op.putArray("parameters");
        for (String name : route.pathParameters()) {
            parameters.addObject().put("name", name).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        for (QueryParameter query : route.queryParameters()) {
            parameters.addObject().put("name", query.name()).put("in", "query").put("required", query.required())
                    .put("description", query.description()).putObject("schema").put("type", "string");
        }
        parameters.addObject().put("name", RequestId.HEADER).put("in", "header").put("required", false)
                .put("description", "echoed back; generated when absent or not a safe id")
                .putObject("schema").put("type", "string");
        if (route.requestSchema() != null) {
            op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").set("schema", route.requestSchema());
        }
        ArrayNode security = op.putArray("security");
        route.scope().ifPresent(scope -> {
            security.addObject().putArray(SECURITY_SCHEME_BEARER).add(scope.label());
            security.addObject().putArray(SECURITY_SCHEME_HEADER).add(scope.label());
        });
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "OK");
        ObjectNode content = ok.putObject("content").putObject(route.responseType());
        if (route.responseSchema() != null) {
            content.set("schema", route.responseSchema());
        }
        responses.putObject("default").put("description", "an error, as application/problem+json")
                .putObject("content").putObject(Problem.MEDIA_TYPE).putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return op;
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(java.util.Locale.ROOT));
        for (String part : route.path().split("[/{}._~-]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (String field : List.of("type", "title", "detail", "code", "instance", "requestId")) {
            properties.putObject(field).put("type", "string");
        }
        properties.putObject("status").put("type", "integer");
        ArrayNode required = schema.putArray("required");
        List.of("type", "title", "status", "detail", "code", "instance", "requestId").forEach(required::add);
        return schema;
    }
}
