package dev.nbo.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every serving endpoint against bad input: malformed JSON, wrong types, unknown block, oversize batch, bad ids,
 * missing or wrong key, wrong scope — each answers its 4xx as problem JSON with a stable code, never a 500.
 */
class BadInputMatrixIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ALL = TestWorld.KEY;
    private static final String READER = TestWorld.READER_KEY;

    @TempDir
    static Path dir;
    static ServingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ServingServer.start(ServingConfig.load(TestWorld.create(dir)),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Case(String method, String path, String key, String body, int status, String code) {
        @Override
        public String toString() {
            return method + " " + path + " [" + (key == null ? "no key" : key.equals(ALL) ? "admin key" : key)
                    + "] " + (body == null ? "" : body.substring(0, Math.min(40, body.length()))) + " -> " + status;
        }
    }

    static List<Case> cases() {
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"C" + i + "\"").collect(Collectors.joining(","));
        String offers = "/v1/customers/C-RUNNER/offers?block=near-you";
        return List.of(
                // authentication and scopes
                new Case("GET", offers, null, null, 401, "unauthorized"),
                new Case("GET", offers, "not-a-key", null, 401, "unauthorized"),
                new Case("POST", "/v1/events", READER, "[]", 403, "forbidden"),
                new Case("DELETE", "/v1/customers/C-RUNNER", READER, null, 403, "forbidden"),
                new Case("POST", "/v1/models/x/promote", READER, null, 403, "forbidden"),
                new Case("PUT", "/v1/customers/C-RUNNER", READER, "{}", 403, "forbidden"),
                // offers
                new Case("GET", "/v1/customers/C-RUNNER/offers?block=nope", ALL, null, 404, "unknown_block"),
                new Case("GET", "/v1/customers/C-RUNNER/offers", ALL, null, 400, null),
                new Case("GET", offers + "&limit=-1", ALL, null, 400, null),
                new Case("GET", offers + "&limit=1e9", ALL, null, 400, null),
                new Case("GET", "/v1/customers/%3Cscript%3E/offers?block=near-you", ALL, null, 400, "bad_customer_id"),
                new Case("GET", "/v1/customers/C-RUNNER/blocks/nope.html", ALL, null, 404, "unknown_block"),
                new Case("GET", "/v1/customers/C-RUNNER/blocks/near-you", ALL, null, 404, null),
                // batch
                new Case("POST", "/v1/offers:batch", ALL, "{", 400, null),
                new Case("POST", "/v1/offers:batch", ALL, "[]", 400, null),
                new Case("POST", "/v1/offers:batch", ALL, "{\"block\":\"near-you\",\"customerIds\":\"C1\"}", 400, null),
                new Case("POST", "/v1/offers:batch", ALL, "{\"block\":\"near-you\",\"customerIds\":[1,2]}", 400, null),
                new Case("POST", "/v1/offers:batch", ALL, "{\"block\":\"near-you\",\"customerIds\":[]}", 400, null),
                new Case("POST", "/v1/offers:batch", ALL, "{\"block\":7,\"customerIds\":[\"C1\"]}", 400, null),
                new Case("POST", "/v1/offers:batch", ALL, "{\"block\":\"nope\",\"customerIds\":[\"C1\"]}", 404,
                        "unknown_block"),
                new Case("POST", "/v1/offers:batch", ALL, "{\"block\":\"near-you\",\"customerIds\":[" + tooMany
                        + "]}", 413, "batch_too_large"),
                // events
                new Case("POST", "/v1/events", ALL, "not json", 400, null),
                new Case("POST", "/v1/events", ALL, "{\"event_id\":\"e1\"}", 400, "not_an_array"),
                new Case("POST", "/v1/events", ALL, "", 400, null),
                // customers
                new Case("PUT", "/v1/customers/C-RUNNER", ALL, "{\"birthYear\":\"1990\"}", 400, null),
                new Case("PUT", "/v1/customers/C-RUNNER", ALL, "{\"interests\":\"golf\"}", 400, null),
                new Case("PUT", "/v1/customers/C-RUNNER", ALL, "{\"signupTime\":\"yesterday\"}", 400, null),
                new Case("PUT", "/v1/customers/C-RUNNER", ALL, "[1]", 400, null),
                new Case("PUT", "/v1/customers/C-RUNNER", ALL, "{\"nickname\":\"x\"}", 400, null),
                // models
                new Case("POST", "/v1/models/20990101-000000/promote", ALL, null, 404, "unknown_version"),
                // routing
                new Case("GET", "/v1/nothing-here", ALL, null, 404, null),
                new Case("DELETE", "/v1/offers:batch", ALL, null, 405, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithAProblemNeverA500(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + c.path()))
                .header("Content-Type", "application/json")
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.body()));
        if (c.key() != null) {
            request.header("Authorization", "Bearer " + c.key());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("code").asText()).isNotBlank();
        if (c.code() != null) {
            assertThat(problem.path("code").asText()).isEqualTo(c.code());
        }
    }
}
