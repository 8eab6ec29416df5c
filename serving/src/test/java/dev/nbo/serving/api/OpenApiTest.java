package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    private static final Map<String, String> KEY_FOR_SCOPE = Map.of(
            "offers:read", SampleApi.READER_KEY, "events:write", SampleApi.WRITER_KEY, "admin", SampleApi.ADMIN_KEY);
    private static SampleApi api;
    private static JsonNode doc;

    @BeforeAll
    static void start() {
        api = new SampleApi();
        HttpResponse<String> response = api.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        doc = json(response);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void isOpenApi31WithBothKeySchemesAndTheProblemSchema() {
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        JsonNode components = doc.get("components");
        assertThat(components.at("/securitySchemes/bearerKey/scheme").asText()).isEqualTo("bearer");
        assertThat(components.at("/securitySchemes/apiKeyHeader/name").asText()).isEqualTo("X-Api-Key");
        assertThat(components.at("/schemas/Problem/required").toString()).contains("\"code\"", "\"requestId\"");
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        for (Route route : api.server.routes()) {
            JsonNode operation = doc.get("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
            assertThat(operation.isObject()).as(route.key()).isTrue();
            assertThat(operation.get("summary").asText()).isEqualTo(route.summary());
            assertThat(operation.get("security").toString()).as(route.key())
                    .isEqualTo(route.scope().map(scope -> "[{\"bearerKey\":[\"" + scope.label()
                            + "\"]},{\"apiKeyHeader\":[\"" + scope.label() + "\"]}]").orElse("[]"));
        }
    }

    @Test
    void everyDocumentedOperationIsServed() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(api.base() + path.getKey().replaceAll("\\{[^}]+}", "x")))
                        .method(method, HttpRequest.BodyPublishers.noBody());
                JsonNode security = op.getValue().get("security");
                if (!security.isEmpty()) {
                    String scope = security.get(0).get("bearerKey").get(0).asText();
                    request.header("Authorization", "Bearer " + KEY_FOR_SCOPE.get(scope));
                }
                int status = api.send(request.build()).statusCode();
                assertThat(status).as(method + " " + path.getKey()).isNotIn(401, 403, 404, 405);
                checked.add(method + " " + path.getKey());
            }
        }
        assertThat(checked).hasSize(api.server.routes().size());
    }

    @Test
    void parametersComeFromThePathTemplateAndTheRoute() {
        JsonNode parameters = doc.at("/paths/~1things~1{id}/get/parameters");
        assertThat(parameters.toString())
                .contains("{\"name\":\"id\",\"in\":\"path\",\"required\":true")
                .contains("{\"name\":\"limit\",\"in\":\"query\",\"required\":false,\"description\":\"how many\"");
        assertThat(doc.at("/paths/~1things/post/requestBody/content/application~1json/schema/type").asText())
                .isEqualTo("object");
        assertThat(doc.at("/paths/~1metrics/get/responses/200/content").has("text/plain")).isTrue();
    }
}
