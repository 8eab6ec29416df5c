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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frequency caps count the sends of earlier runs of the server: they are replayed from its decision log. */
class FrequencyCapRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** recommended-for-you in config/blocks.yaml: frequency_cap {max: 3, per_days: 7}. */
    private static final int CAP = 3;

    @TempDir
    Path dir;

    @Test
    void offersShownUpToTheirCapBeforeARestartStayCappedAfterIt() throws Exception {
        // the wall clock: the snapshot clock starts again at the snapshot's date on every start, before the sends
        Path config = TestWorld.create(dir);
        Files.writeString(config, Files.readString(config).replace("clock: snapshot", "clock: wall"));
        Map<String, Integer> shown = new HashMap<>();
        try (ServingServer server = start(config)) {
            for (int i = 0; i < CAP; i++) {
                offers(server).forEach(offer -> shown.merge(offer, 1, Integer::sum));
            }
        }
        List<String> capped = shown.entrySet().stream().filter(e -> e.getValue() >= CAP).map(Map.Entry::getKey)
                .toList();
        assertThat(capped).as("the same top offers three times in a row").isNotEmpty();

        try (ServingServer restarted = start(config)) {
            assertThat(offers(restarted)).isNotEmpty().doesNotContainAnyElementsOf(capped);
        }
    }

    private static ServingServer start(Path config) {
        return ServingServer.start(ServingConfig.load(config), new PrintStream(OutputStream.nullOutputStream()));
    }

    private static List<String> offers(ServingServer server) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + server.port() + "/v1/customers/C-RUNNER/offers?block=recommended-for-you"))
                .header("Authorization", "Bearer " + TestWorld.KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("fallback").isNull()).as(response.body()).isTrue();
        return StreamSupport.stream(body.get("offers").spliterator(), false).map(o -> o.get("offerId").asText())
                .toList();
    }
}
