package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.ADMIN_KEY;
import static dev.nbo.serving.api.SampleApi.WRITER_KEY;
import static dev.nbo.serving.api.SampleApi.bearer;
import static dev.nbo.serving.api.SampleApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemJsonTest {
    private static SampleApi api;

    @BeforeAll
    static void start() {
        api = new SampleApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(SampleApi.contentType(response)).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:nbo:problem:" + code);
        assertThat(problem.get("instance").asText()).isEqualTo(path);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("requestId").asText())
                .isEqualTo(response.headers().firstValue(RequestId.HEADER).orElseThrow());
        return problem;
    }

    @ParameterizedTest
    @CsvSource({"bad_request,400", "unauthorized,401", "forbidden,403", "not_found,404", "payload_too_large,413",
            "unsupported_media_type,415", "unprocessable,422"})
    void eachErrorKindIsAProblemWithItsStatusAndCode(String kind, int status) {
        assertProblem(api.get("/refuse/" + kind, bearer(ADMIN_KEY)), status, kind, "/refuse/" + kind);
    }

    @Test
    void unknownRouteIsA404Problem() {
        JsonNode problem = assertProblem(api.get("/no/such/route"), 404, "not_found", "/no/such/route");
        assertThat(problem.get("detail").asText()).contains("GET /no/such/route").contains("/openapi.json");
    }

    @Test
    void wrongMethodIsA405Problem() {
        JsonNode problem = assertProblem(api.method("DELETE", "/things"), 405, "method_not_allowed", "/things");
        assertThat(problem.get("detail").asText()).contains("DELETE").contains("POST");
    }

    @Test
    void badQueryParameterIsA400ProblemNamingIt() {
        JsonNode problem = assertProblem(api.get("/things/t1?limit=ten", bearer(SampleApi.READER_KEY)),
                400, "bad_request", "/things/t1");
        assertThat(problem.get("detail").asText()).startsWith("limit: ");
    }

    @Test
    void malformedJsonIsA400ProblemWithTheLocation() {
        JsonNode problem = assertProblem(api.post("/things", "application/json", "{\"name\": \"a\",",
                bearer(WRITER_KEY)), 400, "malformed_json", "/things");
        assertThat(problem.get("detail").asText()).contains("line 1");
    }

    @Test
    void wrongTypeIsA400ProblemNamingTheField() {
        JsonNode problem = assertProblem(api.post("/things", "application/json",
                "{\"name\": \"a\", \"quantity\": \"three\", \"tags\": []}", bearer(WRITER_KEY)),
                400, "invalid_body", "/things");
        assertThat(problem.get("detail").asText()).startsWith("field 'quantity'");
    }

    @Test
    void numberInAStringFieldIsRefusedNotCoerced() {
        assertProblem(api.post("/things", "application/json", "{\"name\": 5, \"quantity\": 1, \"tags\": []}",
                bearer(WRITER_KEY)), 400, "invalid_body", "/things");
    }

    @Test
    void fractionInAnIntegerFieldIsRefusedNotTruncated() {
        JsonNode problem = assertProblem(api.post("/things", "application/json",
                "{\"name\": \"a\", \"quantity\": 1.5, \"tags\": []}", bearer(WRITER_KEY)),
                400, "invalid_body", "/things");
        assertThat(problem.get("detail").asText()).startsWith("field 'quantity'");
    }

    @Test
    void unknownFieldIsA400Problem() {
        JsonNode problem = assertProblem(api.post("/things", "application/json",
                "{\"name\": \"a\", \"quantity\": 1, \"tags\": [], \"colour\": \"red\"}", bearer(WRITER_KEY)),
                400, "invalid_body", "/things");
        assertThat(problem.get("detail").asText()).contains("colour");
    }

    @Test
    void valueBreakingARecordRuleIsA422Problem() {
        JsonNode problem = assertProblem(api.post("/things", "application/json",
                "{\"name\": \"a\", \"quantity\": -1, \"tags\": []}", bearer(WRITER_KEY)),
                422, "unprocessable", "/things");
        assertThat(problem.get("detail").asText()).contains("quantity must be zero or more, got -1");
    }

    @Test
    void jsonNestedBeyondTheParserLimitIsA400Problem() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        JsonNode problem = assertProblem(api.post("/echo", "application/json", deep, bearer(WRITER_KEY)),
                400, "malformed_json", "/echo");
        assertThat(problem.get("detail").asText()).containsIgnoringCase("depth");
    }

    @Test
    void nonJsonContentTypeIsA415Problem() {
        assertProblem(api.post("/things", "text/plain", "name=a", bearer(WRITER_KEY)),
                415, "unsupported_media_type", "/things");
    }

    @Test
    void emptyBodyIsA400Problem() {
        assertProblem(api.post("/things", "application/json", "", bearer(WRITER_KEY)), 400, "bad_request", "/things");
    }

    @Test
    void bodyOverTheLimitIsA413Problem() {
        String big = "{\"name\": \"" + "x".repeat(70 * 1024) + "\", \"quantity\": 1, \"tags\": []}";
        JsonNode problem = assertProblem(api.post("/things", "application/json", big, bearer(WRITER_KEY)),
                413, "payload_too_large", "/things");
        assertThat(problem.get("detail").asText()).contains("65536");
    }

    @Test
    void chunkedBodyOverTheLimitIsA413ProblemToo() {
        byte[] big = ("{\"name\": \"" + "x".repeat(70 * 1024) + "\", \"quantity\": 1, \"tags\": []}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // A stream publisher has no length, so the client sends the body chunked, without Content-Length.
        HttpResponse<String> response = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/things"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + WRITER_KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build());
        assertProblem(response, 413, "payload_too_large", "/things");
    }

    @Test
    void aBugIsA500ProblemThatHidesTheInternals() {
        JsonNode problem = assertProblem(api.get("/boom", bearer(ADMIN_KEY)), 500, "internal_error", "/boom");
        assertThat(problem.get("detail").asText()).doesNotContain("secret").contains("requestId");
    }

    @Test
    void validRequestIsServedAsCamelCaseJson() {
        HttpResponse<String> response = api.post("/things", "application/json",
                "{\"name\": \"a\", \"quantity\": 2, \"tags\": [\"x\"]}", bearer(WRITER_KEY));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("quantity").asInt()).isEqualTo(2);
    }
}
