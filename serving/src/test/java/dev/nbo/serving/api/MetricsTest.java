package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.READER_KEY;
import static dev.nbo.serving.api.SampleApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void exposesRequestCountsByRouteTemplateAndStatus() {
        try (SampleApi api = new SampleApi()) {
            api.get("/things/a", bearer(READER_KEY));
            api.get("/things/b", bearer(READER_KEY));
            api.get("/things/c");
            api.post("/things", "application/json", "[" + " ".repeat(70 * 1024) + "]", bearer(SampleApi.WRITER_KEY));
            HttpResponse<String> response = api.get("/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body())
                    .contains("nbo_http_requests_total{method=\"GET\",route=\"/things/{id}\",status=\"200\"} 2.0")
                    .contains("nbo_http_requests_total{method=\"GET\",route=\"/things/{id}\",status=\"401\"} 1.0")
                    .contains("nbo_http_request_duration_seconds_count{method=\"GET\",route=\"/things/{id}\"} 3")
                    .contains("nbo_http_requests_total{method=\"POST\",route=\"/things\",status=\"413\"} 1.0");
        }
    }

    @Test
    void unmatchedPathsShareOneLabelSoClientsCannotExplodeTheSeries() {
        try (SampleApi api = new SampleApi()) {
            api.get("/random/1");
            api.get("/random/2");
            assertThat(api.get("/metrics").body())
                    .contains("nbo_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 2.0")
                    .doesNotContain("/random/");
        }
    }

    @Test
    void otherPackagesAddTheirMetricsToTheSameScrape() {
        try (SampleApi api = new SampleApi()) {
            Counter ingested = api.metrics.counter("events_ingested", "events accepted", "type");
            ingested.labelValues("purchase").inc(3);
            api.metrics.gauge("model_version_info", "the champion model", "version").labelValues("v7").set(1);
            assertThat(api.get("/metrics").body())
                    .contains("nbo_events_ingested_total{type=\"purchase\"} 3.0")
                    .contains("nbo_model_version_info{version=\"v7\"} 1.0");
        }
    }
}
