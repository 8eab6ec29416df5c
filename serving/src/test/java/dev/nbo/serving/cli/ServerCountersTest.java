package dev.nbo.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.serving.api.Metrics;
import io.prometheus.metrics.core.metrics.Counter;
import org.junit.jupiter.api.Test;

/** The bench reads the server's counters from /metrics: here from the same registry and text format. */
class ServerCountersTest {

    @Test
    void readsOnnxTimeScoredRowsAndTheDecisionsThatFellBack() {
        Metrics metrics = new Metrics();
        // named as ServingServer names them
        Counter decisions = metrics.counter("decisions_total", "decisions", "block", "strategy", "fallback");
        Counter onnx = metrics.counter("model_scoring_cpu_seconds_total", "onnx", "model");
        Counter rows = metrics.counter("model_scored_rows_total", "rows", "model");
        decisions.labelValues("bench-wide", "model", "none").inc(90);
        decisions.labelValues("bench-wide", "model", "no_eligible_offer").inc(7);
        decisions.labelValues("bench-wide", "model", "unknown_customer").inc(3);
        onnx.labelValues("propensity").inc(1.5);
        onnx.labelValues("segments").inc(0.25);
        rows.labelValues("propensity").inc(4500);
        rows.labelValues("segments").inc(90);

        LoadGenerator.ServerCounters counters = LoadGenerator.ServerCounters.parse(metrics.scrape());

        assertThat(counters.decisions()).isEqualTo(100);
        assertThat(counters.fallbacks()).isEqualTo(10);
        assertThat(counters.onnxSeconds()).isEqualTo(1.75);
        assertThat(counters.propensityRows()).as("the segment model's rows are one per customer, not candidates")
                .isEqualTo(4500);
        assertThat(counters.minus(new LoadGenerator.ServerCounters(0.75, 1500, 40, 4)))
                .isEqualTo(new LoadGenerator.ServerCounters(1.0, 3000, 60, 6));
    }
}
