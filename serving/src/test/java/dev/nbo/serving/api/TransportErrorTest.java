package dev.nbo.serving.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests so broken that Jetty answers them itself; java.net.http refuses to send them, so a raw socket does. */
class TransportErrorTest {
    private static SampleApi api;

    @BeforeAll
    static void start() {
        api = new SampleApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static JsonNode problemOf(String response) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: application/problem+json")
                .containsIgnoringCase(RequestId.HEADER + ": ");
        return ApiJson.mapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void illegalUriIsA400Problem() throws IOException {
        JsonNode problem = problemOf(exchange("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertThat(problem.get("code").asText()).isEqualTo("bad_request");
        assertThat(problem.get("detail").asText()).startsWith("the request is not valid HTTP");
    }

    @Test
    void missingHostIsA400Problem() throws IOException {
        JsonNode problem = problemOf(exchange("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"));
        assertThat(problem.get("detail").asText()).contains("No Host");
    }

    @Test
    void controlCharacterInAHeaderIsA400Problem() throws IOException {
        JsonNode problem = problemOf(exchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: \u0001\r\n\r\n"));
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }
}
