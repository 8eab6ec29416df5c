package dev.nbo.serving.api;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The serving metrics, exposed on {@code /metrics} in Prometheus text format. The server records every request here;
 * other packages register their own counters, histograms and gauges (scoring latency, feature statuses, fallbacks,
 * model version, events ingested) through {@link #counter}, {@link #histogram} and {@link #gauge}, so that everything
 * lands in one registry and one scrape.
 *
 * <p>Each instance owns its registry rather than using the JVM-wide default, so tests and several servers in one JVM
 * never see each other's numbers.
 */
public final class Metrics {
    /** Metric names all start with this prefix; the helpers below add it. */
    public static final String PREFIX = "nbo_";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;

    public Metrics() {
        requests = counter("http_requests", "HTTP requests by method, route template and status",
                "method", "route", "status");
        latency = histogram("http_request_duration_seconds", "HTTP request latency by method and route template",
                "method", "route");
    }

    /** A counter named {@code nbo_<name>_total}; {@code name} must not end with {@code _total}. */
    public Counter counter(String name, String help, String... labelNames) {
        return Counter.builder().name(PREFIX + name).help(help).labelNames(labelNames).register(registry);
    }

    /** A histogram of seconds (or another unit named in {@code name}) with the classic Prometheus buckets. */
    public Histogram histogram(String name, String help, String... labelNames) {
        return Histogram.builder().name(PREFIX + name).help(help).labelNames(labelNames).classicOnly()
                .register(registry);
    }

    public Gauge gauge(String name, String help, String... labelNames) {
        return Gauge.builder().name(PREFIX + name).help(help).labelNames(labelNames).register(registry);
    }

    /** For collectors the helpers above do not cover. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * Counts one finished request. {@code route} must be a template ({@code /offers/{customerId}}) or a fixed word,
     * never the raw path: raw paths would create one time series per customer.
     */
    void recordRequest(String method, String route, int status, double seconds) {
        requests.labelValues(method, route, Integer.toString(status)).inc();
        latency.labelValues(method, route).observe(seconds);
    }

    public String contentType() {
        return writer.getContentType();
    }

    /** The current values of every metric in Prometheus text format. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing metrics to memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
