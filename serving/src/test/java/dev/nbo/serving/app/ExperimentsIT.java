package dev.nbo.serving.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.experiments.assign.Assigner;
import dev.nbo.experiments.assign.Assignment;
import dev.nbo.experiments.config.ExperimentsConfigLoader;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionRecord;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An experiment on the real server: arms from the documented hash, the arm's policy served and logged with its
 * probability and every arm's choice, outcomes credited by request id, and the report over HTTP.
 */
class ExperimentsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BLOCK = "recommended-for-you";
    private static final String EXPERIMENTS = """
            holdout_percent: 10
            experiments:
              - name: recs-test
                block: recommended-for-you
                salt: it-salt
                start: 2025-01-01
                end: 2027-01-01
                arms:
                  - {name: model, strategy: model}
                  - {name: rules, strategy: rules, rules: %s}
                  - {name: control, offers: [running-20, fitness-20, womenswear-30]}
                overrides:
                  C-RUNNER: rules
            """;

    @TempDir
    static Path dir;
    static ServingServer server;
    static Path experiments;

    @BeforeAll
    static void start() throws Exception {
        Path config = TestWorld.create(dir);
        experiments = Files.writeString(dir.resolve("experiments.yaml"),
                EXPERIMENTS.formatted(ProjectFiles.config("rules.yaml")));
        server = ServingServer.start(ServingConfig.load(config).withExperiments(experiments),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String key) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)), key);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)),
                TestWorld.KEY);
    }

    @Test
    void everyDecisionIsMadeAndLoggedInTheArmTheHashGives() throws Exception {
        Assigner assigner = new Assigner(ExperimentsConfigLoader.load(experiments, b -> true, o -> true));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            customers.add("X" + i);
        }
        customers.add("C-RUNNER");
        String body = JSON.writeValueAsString(Map.of("block", BLOCK, "customerIds", customers));
        HttpResponse<String> response = post("/v1/offers:batch", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Map<String, Integer> perArm = new HashMap<>();
        List<String> events = new ArrayList<>();
        for (JsonNode result : JSON.readTree(response.body()).path("results")) {
            String customer = result.path("customerId").asText();
            Assignment expected = assigner.assign(BLOCK, customer, Instant.parse("2025-06-15T00:00:00Z"))
                    .orElseThrow();
            assertThat(result.path("experiment").path("name").asText()).isEqualTo("recs-test");
            assertThat(result.path("experiment").path("arm").asText()).as(customer).isEqualTo(expected.arm());
            String served = expected.holdout() ? "fixed" : switch (expected.arm()) {
                case "control" -> "fixed";
                default -> expected.arm();
            };
            assertThat(result.path("strategy").asText()).as(customer).isEqualTo(served);
            if (expected.arm().equals("control") || expected.holdout()) {
                // the fixed list is served as listed (unknown customers fall back to popular offers instead)
                assertThat(result.path("fallback").asText()).isEqualTo("unknown_customer");
            }
            perArm.merge(expected.arm(), 1, Integer::sum);
            String requestId = result.path("requestId").asText();
            String offer = result.path("offers").path(0).path("offerId").asText();
            events.add("""
                    {"event_id":"click-%s","customer_id":"%s","time":"2025-06-15T00:00:00Z","type":"email_click",
                     "request_id":"%s","offer_id":"%s"}""".formatted(requestId, customer, requestId, offer));
            if (expected.arm().equals("model")) {
                events.add("""
                        {"event_id":"buy-%s","customer_id":"%s","time":"2025-06-15T00:00:00Z","type":"purchase",
                         "request_id":"%s","offer_id":"%s","revenue":25.5}""".formatted(requestId, customer,
                        requestId, offer));
            }
        }
        assertThat(perArm.keySet()).contains("model", "rules", "control");

        HttpResponse<String> posted = post("/v1/events", "[" + String.join(",", events) + "]");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        assertThat(JSON.readTree(posted.body()).path("accepted").asInt()).isEqualTo(events.size());

        HttpResponse<String> report = get("/v1/experiments/recs-test/report", TestWorld.KEY);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode attribution = JSON.readTree(report.body()).path("attribution");
        assertThat(attribution.path("byRequestId").asLong()).isGreaterThanOrEqualTo(events.size() - 2L);
        assertThat(attribution.path("overrideCustomers").asLong()).isEqualTo(1);
        assertThat(report.body()).contains("model").contains("control");
    }

    @Test
    void theDecisionLogKeepsArmProbabilityAndEveryArmsChoice() throws Exception {
        HttpResponse<String> response = get("/v1/customers/C-GOLFER/offers?block=" + BLOCK, TestWorld.KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = JSON.readTree(response.body()).path("requestId").asText();
        server.close();
        try (DecisionLog log = DecisionLog.open(dir.resolve("logs/decisions"))) {
            List<DecisionRecord> records = new ArrayList<>();
            log.replay(records::add);
            DecisionRecord golfer = records.stream().filter(r -> r.requestId().equals(requestId)).findFirst()
                    .orElseThrow();
            assertThat(golfer.experiment()).isEqualTo("recs-test");
            if (!golfer.experimentArm().equals(Assignment.HOLDOUT)) {
                assertThat(golfer.armProbability()).isEqualTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(golfer.policyChoices()).containsOnlyKeys("model", "rules", "control");
                assertThat(golfer.policyChoices().get(golfer.experimentArm())).isEqualTo(golfer.chosen().get(0));
            }
        } finally {
            server = ServingServer.start(ServingConfig.load(dir.resolve("serving.yaml")).withExperiments(experiments),
                    new PrintStream(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void experimentsAreListedForAdminsOnlyAndAnUnknownOneIs404() throws Exception {
        HttpResponse<String> list = get("/v1/experiments", TestWorld.KEY);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode experiment = JSON.readTree(list.body()).path("experiments").get(0);
        assertThat(experiment.path("name").asText()).isEqualTo("recs-test");
        assertThat(experiment.path("arms")).hasSize(3);
        assertThat(get("/v1/experiments", TestWorld.READER_KEY).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = get("/v1/experiments/nope/report", TestWorld.KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown_experiment");
    }
}
