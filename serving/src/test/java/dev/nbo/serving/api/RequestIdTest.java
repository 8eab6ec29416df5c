package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.READER_KEY;
import static dev.nbo.serving.api.SampleApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestIdTest {
    private static SampleApi api;

    @BeforeAll
    static void start() {
        api = new SampleApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void callersRequestIdIsEchoedAndGivenToTheHandler() {
        HttpResponse<String> response = api.get("/things/t1", "Authorization", "Bearer " + READER_KEY,
                RequestId.HEADER, "esp-send-123");
        assertThat(response.headers().firstValue(RequestId.HEADER)).hasValue("esp-send-123");
        assertThat(json(response).get("requestId").asText()).isEqualTo("esp-send-123");
    }

    @Test
    void missingRequestIdIsGeneratedAndUniquePerRequest() {
        String first = api.get("/health").headers().firstValue(RequestId.HEADER).orElseThrow();
        String second = api.get("/health").headers().firstValue(RequestId.HEADER).orElseThrow();
        assertThat(first).matches("[0-9a-f-]{36}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void unsafeRequestIdIsReplacedSoItCannotForgeLogLines() {
        HttpResponse<String> response = api.get("/health", RequestId.HEADER, "x\" injected=1 <script>");
        assertThat(response.headers().firstValue(RequestId.HEADER)).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void errorResponsesCarryTheRequestIdToo() {
        HttpResponse<String> response = api.get("/missing", RequestId.HEADER, "trace-9");
        assertThat(response.headers().firstValue(RequestId.HEADER)).hasValue("trace-9");
        assertThat(json(response).get("requestId").asText()).isEqualTo("trace-9");
    }
}
