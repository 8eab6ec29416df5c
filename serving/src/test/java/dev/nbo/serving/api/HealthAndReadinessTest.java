package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthAndReadinessTest {
    @Test
    void healthIsUp() {
        try (SampleApi api = new SampleApi()) {
            HttpResponse<String> response = api.get("/health");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("status").asText()).isEqualTo("up");
        }
    }

    @Test
    void readyFollowsTheReadinessCheck() {
        AtomicReference<Optional<String>> state = new AtomicReference<>(Optional.of("no champion model loaded"));
        try (SampleApi api = new SampleApi(SampleApi.defaultConfig(), state::get)) {
            HttpResponse<String> notReady = api.get("/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(json(notReady).get("code").asText()).isEqualTo("not_ready");
            assertThat(json(notReady).get("detail").asText()).isEqualTo("no champion model loaded");

            state.set(Optional.empty());
            HttpResponse<String> ready = api.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(json(ready).get("status").asText()).isEqualTo("ready");
        }
    }
}
