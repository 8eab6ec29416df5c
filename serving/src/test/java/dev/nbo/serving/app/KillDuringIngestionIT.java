package dev.nbo.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server as a separate process, killed with {@code kill -9} while clients post events: after a restart
 * every acknowledged event is there — posting them again finds each one a duplicate — and the customers' features
 * count them.
 */
class KillDuringIngestionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    private Process startServer(Path config, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.nbo.serving.cli.ServeCommand", "--config", config.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static void awaitReady(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server process exited early").isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become ready in 60 s");
    }

    private static String batch(int number) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            body.append(i == 0 ? "" : ",").append("{\"event_id\":\"kill-").append(number).append('-').append(i)
                    .append("\",\"customer_id\":\"C-KILL\",\"time\":\"2025-06-14T10:00:00Z\",\"type\":\"page_view\","
                            + "\"product_id\":\"RUN-0001\"}");
        }
        return body.append(']').toString();
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/events"))
                .header("Authorization", "Bearer " + TestWorld.KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAcknowledgedEventSurvivesAKillMinus9() throws Exception {
        Path config = TestWorld.create(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = startServer(config, port);
        awaitReady(port, server);

        List<Integer> acknowledged = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        int serverPort = port;
        Thread poster = new Thread(() -> {
            for (int n = 0; !killed.get(); n++) {
                try {
                    HttpResponse<String> response = post(serverPort, batch(n));
                    if (response.statusCode() == 202) {
                        synchronized (acknowledged) {
                            acknowledged.add(n);
                        }
                    }
                } catch (Exception e) {
                    return; // the server died mid-request: that batch was never acknowledged
                }
            }
        });
        poster.start();
        Thread.sleep(1500);
        killed.set(true);
        server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        poster.join();
        assertThat(acknowledged).hasSizeGreaterThan(3);

        Process restarted = startServer(config, port);
        try {
            awaitReady(port, restarted);
            for (int n : acknowledged) {
                JsonNode again = JSON.readTree(post(port, batch(n)).body());
                assertThat(again.path("duplicates").asInt()).as("batch " + n).isEqualTo(50);
                assertThat(again.path("accepted").asInt()).as("batch " + n).isZero();
            }
            JsonNode decision = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/v1/customers/C-KILL/offers?block=near-you&explain=true"))
                    .header("Authorization", "Bearer " + TestWorld.KEY).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(decision.path("features").path("page_views_7d").path("value").asLong())
                    .isGreaterThanOrEqualTo(50L * acknowledged.size());
        } finally {
            restarted.destroy();
            restarted.waitFor();
        }
    }
}
