package dev.nbo.training.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.features.cli.CliRun;
import dev.nbo.features.generate.GenerationSettings;
import dev.nbo.features.generate.WarehouseGenerator;
import dev.nbo.features.generate.World;
import dev.nbo.training.cli.NboCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against a real HTTP server on port 0 ({@link CannedServingServer}): a small generated warehouse, two
 * send rounds, every posted event checked against the decisions served and the serving clock.
 */
class ExperimentSimulationIT {
    private static final String KEY = "test-key";
    private static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CUSTOMERS = 1_500;
    private static final Set<String> TYPES = Set.of("email_sent", "email_open", "email_click", "purchase");

    @TempDir
    static Path root;
    private static Path warehouse;

    @BeforeAll
    static void warehouse() throws IOException {
        warehouse = root.resolve("demo/warehouse");
        Path offers = Path.of(System.getProperty("user.dir")).getParent().resolve("config/offers.yaml");
        new WarehouseGenerator(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .generate(new GenerationSettings(CUSTOMERS, 30, 42, LocalDate.of(2025, 12, 1), offers, warehouse, 2));
        // the online snapshot's manifest where ./nbo demo puts it, beside the warehouse
        Path online = Files.createDirectories(root.resolve("demo/features/online"));
        Files.writeString(online.resolve("manifest.json"), "{\"format\": 1, \"as_of\": \"2026-01-01\", \"as_of_us\": "
                + AS_OF.toEpochMilli() * 1000 + "}");
    }

    private static CliRun simulate(CannedServingServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("simulate-experiment", "--server",
                server.uri().toString(), "--key", KEY, "--warehouse", warehouse.toString()));
        args.addAll(List.of(more));
        return CliRun.of(NboCli::run, args.toArray(String[]::new));
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    @Test
    void everyCustomerGetsAnEmailPerRoundAndItsOutcomesArePostedWithItsRequestIdAtServingTime() throws IOException {
        try (CannedServingServer server = new CannedServingServer(KEY, AS_OF)) {
            CliRun run = simulate(server, "--sends", "2");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("round 1/2", "round 2/2", "experiment recs-model-vs-rules")
                    .contains("model", "rules", "control", "holdout", "opted_out");
            Map<String, ServedDecision> decisions = server.decisions();
            assertThat(decisions).hasSize(2 * CUSTOMERS);
            List<JsonNode> events = server.events().stream().map(CannedServingServer.Received::event).toList();

            assertThat(events).allSatisfy(e -> {
                assertThat(TYPES).contains(e.path("type").asText());
                ServedDecision decision = decisions.get(e.path("request_id").asText());
                assertThat(decision).as("the decision of " + e).isNotNull();
                assertThat(e.path("customer_id").asText()).isEqualTo(decision.customerId());
                assertThat(e.has("revenue")).isEqualTo(e.path("type").asText().equals("purchase"));
                assertThat(e.has("product_id")).isEqualTo(e.path("type").asText().equals("purchase"));
            });
            assertThat(events.stream().map(e -> e.path("event_id").asText()).collect(Collectors.toSet()))
                    .hasSize(events.size());
            // one e-mail per decision, opened by some, clicked by fewer, bought from by fewer still
            List<JsonNode> sent = ofType(events, "email_sent");
            assertThat(sent).hasSize(2 * CUSTOMERS);
            assertThat(sent.stream().map(e -> e.path("request_id").asText()).collect(Collectors.toSet()))
                    .isEqualTo(decisions.keySet());
            int opens = ofType(events, "email_open").size();
            int clicks = ofType(events, "email_click").size();
            List<JsonNode> purchases = ofType(events, "purchase");
            assertThat(opens).isBetween(CUSTOMERS / 4, 2 * CUSTOMERS * 3 / 4);
            assertThat(clicks).isPositive().isLessThan(opens);
            assertThat(purchases).isNotEmpty().hasSizeLessThan(clicks);
            assertThat(purchases).allSatisfy(p -> assertThat(p.path("revenue").asDouble()).isPositive());
            // a click and a purchase name one of the offers the e-mail showed
            assertThat(ofType(events, "email_click")).allSatisfy(c -> assertThat(CannedServingServer.OFFERS.get(
                    arm(decisions, c))).contains(c.path("offer_id").asText()));
        }
    }

    private static String arm(Map<String, ServedDecision> decisions, JsonNode event) {
        ServedDecision decision = decisions.get(event.path("request_id").asText());
        return decision.fallback() != null ? "control" : decision.arm();
    }

    @Test
    void eventsAreStampedAtServingTimeNeverInTheServersFutureAndInOrderAfterTheSend() throws IOException {
        try (CannedServingServer server = new CannedServingServer(KEY, AS_OF)) {
            assertThat(simulate(server, "--sends", "1").code()).isZero();
            List<CannedServingServer.Received> received = server.events();

            assertThat(received).allSatisfy(r -> {
                Instant time = Instant.parse(r.event().path("time").asText());
                assertThat(time).isAfterOrEqualTo(AS_OF).isBeforeOrEqualTo(r.servingTime());
            });
            Map<String, Instant> sentAt = received.stream().map(CannedServingServer.Received::event)
                    .filter(e -> e.path("type").asText().equals("email_sent"))
                    .collect(Collectors.toMap(e -> e.path("request_id").asText(),
                            e -> Instant.parse(e.path("time").asText())));
            assertThat(received).map(CannedServingServer.Received::event)
                    .filteredOn(e -> !e.path("type").asText().equals("email_sent"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(Instant.parse(e.path("time").asText()))
                            .isAfter(sentAt.get(e.path("request_id").asText())));
        }
    }

    @Test
    void theSummaryPerArmCountsExactlyWhatWasPosted() throws IOException {
        try (CannedServingServer server = new CannedServingServer(KEY, AS_OF)) {
            World world = WarehouseWorld.load(warehouse);
            ExperimentSimulation simulation = new ExperimentSimulation(world, new ServingClient(server.uri(), KEY),
                    ServingClock.startingAt(AS_OF, Clock.systemUTC()),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            SimulationSummary summary = simulation.run(new ExperimentSimulation.Settings("recommended-for-you", 2, 7,
                    0));

            Map<String, ServedDecision> decisions = server.decisions();
            List<JsonNode> events = server.events().stream().map(CannedServingServer.Received::event).toList();
            assertThat(summary.arms().keySet()).containsExactly("control", "holdout", "model", "rules");
            for (String arm : summary.arms().keySet()) {
                Predicate<JsonNode> inArm = e -> decisions.get(e.path("request_id").asText()).arm().equals(arm);
                ArmTally tally = summary.arm(arm);
                assertThat(tally.sends()).isEqualTo(decisions.values().stream().filter(d -> d.arm().equals(arm))
                        .count());
                assertThat(tally.opens()).isEqualTo(ofType(events, "email_open").stream().filter(inArm).count());
                assertThat(tally.clicks()).isEqualTo(ofType(events, "email_click").stream().filter(inArm).count());
                assertThat(tally.purchases()).isEqualTo(ofType(events, "purchase").stream().filter(inArm).count());
                assertThat(tally.revenue()).isCloseTo(ofType(events, "purchase").stream().filter(inArm)
                        .mapToDouble(e -> e.path("revenue").asDouble()).sum(), offset(1e-6));
            }
            assertThat(summary.fallbacks()).containsOnlyKeys("opted_out")
                    .containsEntry("opted_out", 2L * (CUSTOMERS / 10));
            assertThat(summary.eventsAccepted()).isEqualTo(events.size());
            // golf offers to everyone (model) against running and fitness offers (rules): the world's customers have
            // every taste, so both arms sell; neither arm is empty
            assertThat(summary.arm("model").purchases()).isPositive();
            assertThat(summary.arm("rules").purchases()).isPositive();
        }
    }

    @Test
    void theSameSeedDrawsTheSameOutcomesForTheSameDecisions() throws IOException {
        Set<String> first = outcomes("7");
        assertThat(outcomes("7")).isEqualTo(first);
        assertThat(outcomes("8")).isNotEqualTo(first);
    }

    /** The customers and types of the outcome events of a run (request ids change with each server). */
    private static Set<String> outcomes(String seed) throws IOException {
        try (CannedServingServer server = new CannedServingServer(KEY, AS_OF)) {
            assertThat(simulate(server, "--sends", "1", "--seed", seed, "--customers", "600").code()).isZero();
            Set<String> outcomes = new HashSet<>();
            server.events().forEach(r -> outcomes.add(r.event().path("customer_id").asText() + " "
                    + r.event().path("type").asText() + " " + r.event().path("offer_id").asText() + " "
                    + r.event().path("revenue").asText()));
            return outcomes;
        }
    }

    @Test
    void aRefusedKeyStopsWithOneLineSayingWhatToPass() throws IOException {
        try (CannedServingServer server = new CannedServingServer(KEY, AS_OF)) {
            CliRun run = CliRun.of(NboCli::run, "simulate-experiment", "--server", server.uri().toString(), "--key",
                    "not-the-key", "--warehouse", warehouse.toString());

            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("refused the key", "--key").doesNotContain("Exception");
            assertThat(server.events()).isEmpty();
        }
    }

    @Test
    void anUnreachableServerStopsWithOneLineSayingHowToStartIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.of(NboCli::run, "simulate-experiment", "--server", "http://127.0.0.1:" + closedPort,
                "--warehouse", warehouse.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach the server at http://127.0.0.1:" + closedPort, "./nbo serve")
                .doesNotContain("Exception");
    }
}
