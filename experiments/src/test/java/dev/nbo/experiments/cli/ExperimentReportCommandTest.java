package dev.nbo.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.experiments.warehouse.DecisionRow;
import dev.nbo.experiments.warehouse.EventRow;
import dev.nbo.experiments.warehouse.ExperimentTable;
import dev.nbo.experiments.warehouse.TableWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --experiment} on a small hand-made warehouse: experiment hero-test, 20 customers in each of model and
 * control (one decision each, on 2026-03-01), plus a holdout customer, a test profile, an erased customer and another
 * experiment's decision. Outcomes, counted by hand:
 * <ul>
 *   <li>opens with the request id: model M01–M12 (12 of 20), control K01–K06 (6 of 20);</li>
 *   <li>clicks without a request id, a day after the decision (within the 7-day window): M01–M06, K01–K02;</li>
 *   <li>purchases with a request id: M01 10.0, M02 30.0; K01 20.0;</li>
 *   <li>a click of K03 ten days later (unattributed), a page view (not an outcome), and an open of the other
 *       experiment's request (not this experiment's).</li>
 * </ul>
 * So 21 outcomes credited by request id, 8 within the window, 1 unattributed; 42 exposures (the erased customer's
 * decision is left out, as serving leaves it out).
 */
class ExperimentReportCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Map<String, String> CHOICES = Map.of("model", "OFF-1", "control", "OFF-9");

    @TempDir
    Path dir;
    Path warehouse;
    Path experiments;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static <R> void export(ExperimentTable<R> table, Path warehouse, List<R> rows) {
        try (TableWriter<R> writer = TableWriter.open(table, warehouse)) {
            rows.forEach(writer::write);
            writer.commit();
        }
    }

    private static String id(String prefix, int i) {
        return prefix + String.format("%02d", i);
    }

    @BeforeEach
    void handMadeWarehouse() throws IOException {
        warehouse = dir.resolve("warehouse");
        experiments = Files.writeString(dir.resolve("experiments.yaml"), """
                holdout_percent: 5
                attribution:
                  window_days: 7
                experiments:
                  - name: hero-test
                    block: hero
                    salt: hero-test-1
                    start: 2026-02-01
                    end: 2027-01-01
                    control: control
                    arms:
                      - {name: model, strategy: model, weight: 1}
                      - {name: control, offers: [OFF-9], weight: 1}
                  - name: other-test
                    block: footer
                    salt: other-1
                    start: 2026-02-01
                    end: 2027-01-01
                    control: a
                    arms:
                      - {name: a, offers: [OFF-5]}
                      - {name: b, strategy: popular}
                """);
        List<DecisionRow> decisions = new ArrayList<>();
        List<EventRow> events = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            decisions.add(decision("rm" + i, id("M", i), "model", List.of("OFF-1")));
            decisions.add(decision("rk" + i, id("K", i), "control", List.of("OFF-9")));
        }
        decisions.add(new DecisionRow("rh", T0, "H01", "hero", "fixed", "hero-test", "holdout", 0.05, false, null,
                List.of("OFF-9"), Map.of()));
        decisions.add(new DecisionRow("rt", T0, "TEST-1", "hero", "model", "hero-test", "model", 1.0, true, null,
                List.of("OFF-1"), Map.of()));
        decisions.add(new DecisionRow("re", T0, null, "hero", "model", "hero-test", "model", 0.5, false, null,
                List.of("OFF-1"), CHOICES));
        decisions.add(new DecisionRow("ro", T0, "M01", "footer", "fixed", "other-test", "a", 0.5, false, null,
                List.of("OFF-5"), Map.of("a", "OFF-5", "b", "OFF-6")));
        for (int i = 1; i <= 12; i++) {
            events.add(event("om" + i, id("M", i), T0.plusSeconds(600), "email_open", "rm" + i, null));
        }
        for (int i = 1; i <= 6; i++) {
            events.add(event("ok" + i, id("K", i), T0.plusSeconds(600), "email_open", "rk" + i, null));
            events.add(event("cm" + i, id("M", i), T0.plus(Duration.ofDays(1)), "email_click", null, null));
        }
        for (int i = 1; i <= 2; i++) {
            events.add(event("ck" + i, id("K", i), T0.plus(Duration.ofDays(1)), "email_click", null, null));
        }
        events.add(event("pm1", "M01", T0.plus(Duration.ofDays(2)), "purchase", "rm1", 10.0));
        events.add(event("pm2", "M02", T0.plus(Duration.ofDays(2)), "purchase", "rm2", 30.0));
        events.add(event("pk1", "K01", T0.plus(Duration.ofDays(2)), "purchase", "rk1", 20.0));
        events.add(event("late", "K03", T0.plus(Duration.ofDays(10)), "email_click", null, null));
        events.add(new EventRow("pv", "M03", T0.plusSeconds(60), "page_view", "P-1", "shoes", null, null, null, null,
                T0.plusSeconds(61)));
        events.add(event("oo", "M01", T0.plusSeconds(700), "email_open", "ro", null));
        export(ExperimentTable.DECISIONS, warehouse, decisions);
        export(ExperimentTable.EMAIL_EVENTS, warehouse, events);
    }

    private static DecisionRow decision(String request, String customer, String arm, List<String> offers) {
        return new DecisionRow(request, T0, customer, "hero", arm.equals("model") ? "model" : "fixed", "hero-test",
                arm, 0.5, false, arm.equals("model") ? "nbo-1.3" : null, offers, CHOICES);
    }

    private static EventRow event(String id, String customer, Instant time, String type, String request,
                                  Double revenue) {
        return new EventRow(id, customer, time, type, null, null, null, null, request, revenue,
                time.plusSeconds(1));
    }

    private String[] args(String experiment) {
        return new String[] {"report", "--experiment", experiment, "--warehouse", warehouse.toString(),
                "--experiments", experiments.toString(), "--out", dir.resolve("report").toString()};
    }

    @Test
    void writesTheReportOfAnExperimentFromTheWarehouse() throws IOException {
        Result result = run(args("hero-test"));

        assertThat(result.status()).as(result.err()).isZero();
        Path out = dir.resolve("report");
        assertThat(out.resolve("report.json")).isRegularFile();
        assertThat(out.resolve("report.csv")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(result.out())
                .contains("Experiment hero-test: 42 exposures; customers compared {model=20, control=20}, 1 in the"
                        + " holdout, 1 overridden, 0 switched arms")
                .contains("21 credited by request id, 8 within the 7-day window, 1 of its customers unattributed")
                .contains("Report written to " + out.toAbsolutePath());

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (JsonNode verdict : json.at("/verdicts")) {
            assertThat(result.out()).contains("  " + verdict.asText());
        }
        assertThat(json.at("/settings/controlArm").asText()).isEqualTo("control");
        assertThat(json.at("/arms/0/arm").asText()).isEqualTo("control");
        assertThat(json.at("/arms/0/units").asLong()).isEqualTo(20);
        assertThat(json.at("/arms/0/metrics/0/value").asDouble()).isCloseTo(6 / 20.0, within(1e-12));
        assertThat(json.at("/arms/1/metrics/0/value").asDouble()).isCloseTo(12 / 20.0, within(1e-12));
        assertThat(json.at("/arms/1/metrics/1/value").asDouble()).isCloseTo(6 / 20.0, within(1e-12));
        assertThat(json.at("/arms/0/metrics/3/value").asDouble()).isCloseTo(20.0 / 20, within(1e-12));
        assertThat(json.at("/arms/1/metrics/3/value").asDouble()).isCloseTo(40.0 / 20, within(1e-12));
        assertThat(json.at("/srm/expectedUnits/model").asDouble()).isCloseTo(20, within(1e-9));
    }

    @Test
    void anUnknownExperimentExitsTwoNamingTheKnownOnes() {
        Result result = run(args("nope"));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("no experiment 'nope' in experiments.yaml; its experiments are"
                + " [hero-test, other-test]");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void missingTablesExitTwoSayingWhatToRun() throws IOException {
        Files.delete(ExperimentTable.EMAIL_EVENTS.file(warehouse));

        Result result = run(args("hero-test"));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("no email_events table in " + warehouse)
                .contains("./nbo export-logs --out " + warehouse);
    }

    @Test
    void anExperimentWithoutComparedCustomersExitsTwo() throws IOException {
        export(ExperimentTable.DECISIONS, warehouse, List.of(new DecisionRow("rh", T0, "H01", "hero", "fixed",
                "hero-test", "holdout", 0.05, false, null, List.of("OFF-9"), Map.of())));

        Result result = run(args("hero-test"));

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("experiment hero-test has no compared customers yet");
    }

    @Test
    void aMissingExperimentsFileExitsTwo() {
        Result result = run("report", "--experiment", "hero-test", "--warehouse", warehouse.toString(),
                "--experiments", dir.resolve("none.yaml").toString(), "--out", dir.resolve("r").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("cannot find " + dir.resolve("none.yaml"));
    }

    @Test
    void helpNamesEveryFlag() {
        Result result = run("report", "--experiment", "x", "--help");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("--experiment", "--warehouse", "--experiments", "--out");
    }
}
