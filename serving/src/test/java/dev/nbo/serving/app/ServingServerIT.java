package dev.nbo.serving.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.registry.ModelManifest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled server on port 0, over HTTP: offers, batch, HTML blocks, models, and a champion swap under load. */
class ServingServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Path config;
    static ServingServer server;

    @BeforeAll
    static void start() throws IOException {
        config = TestWorld.create(dir);
        server = ServingServer.start(ServingConfig.load(config), new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKnownCustomerGetsRankedOffersWithContentAndReasons() throws Exception {
        HttpResponse<String> response = get("/v1/customers/C-RUNNER/offers?block=recommended-for-you&explain=true",
                TestWorld.KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("customerId").asText()).isEqualTo("C-RUNNER");
        assertThat(body.path("strategy").asText()).isEqualTo("model");
        assertThat(body.path("modelVersion").asText()).isNotBlank();
        assertThat(body.path("fallback").isNull()).as(response.body()).isTrue();
        assertThat(body.path("segment").path("name").asText()).isNotBlank();
        assertThat(body.path("stale").isBoolean()).isTrue();
        assertThat(body.path("stale").asBoolean()).isFalse();
        assertThat(body.path("offers").size()).isBetween(1, 3);
        JsonNode first = body.path("offers").get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("content").path("title").asText()).isNotBlank();
        assertThat(first.path("reasons").get(0).asText()).contains("propensity");
        // one page view a day on the 20 days before the snapshot date; serving time is that date (snapshot clock), and
        // a 7-day window is the UTC days today-6..today (ADR 0001): days -1..-6 hold 6 views
        assertThat(body.path("features").path("page_views_7d").path("value").asInt()).isEqualTo(6);
        assertThat(body.path("features").path("page_views_7d").path("status").asText()).isEqualTo("present");
    }

    @Test
    void unknownAndOptedOutCustomersGetTheFallbackNeverAnError() throws Exception {
        JsonNode unknown = JSON.readTree(get("/v1/customers/C-NOBODY/offers?block=recommended-for-you",
                TestWorld.KEY).body());
        assertThat(unknown.path("fallback").asText()).isEqualTo("unknown_customer");
        assertThat(unknown.path("offers").size()).isPositive();
        HttpResponse<String> html = get("/v1/customers/C-OPTOUT/blocks/near-you.html", TestWorld.KEY);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.headers().firstValue("X-Nbo-Fallback")).contains("opted_out");
        assertThat(html.body()).contains("data-block=\"near-you\"");
    }

    @Test
    void aBatchAnswersEveryCustomerInRequestOrder() throws Exception {
        HttpResponse<String> response = post("/v1/offers:batch", TestWorld.KEY,
                "{\"block\":\"complete-your-kit\",\"limit\":2,\"customerIds\":[\"C-GOLFER\",\"C-NOBODY\",\"C-RUNNER\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(response.body()).path("results");
        assertThat(results).extracting(r -> r.path("customerId").asText())
                .containsExactly("C-GOLFER", "C-NOBODY", "C-RUNNER");
        results.forEach(r -> assertThat(r.path("offers").size()).isBetween(1, 2));
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"C" + i + "\"").collect(Collectors.joining(","));
        HttpResponse<String> refused = post("/v1/offers:batch", TestWorld.KEY,
                "{\"block\":\"complete-your-kit\",\"customerIds\":[" + tooMany + "]}");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("batch_too_large");
    }

    @Test
    void badRequestsAreProblemsWithStableCodes() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/v1/customers/C-RUNNER/offers?block=nope", 404);
        expected.put("/v1/customers/C-RUNNER/offers", 400);
        expected.put("/v1/customers/C-RUNNER/offers?block=near-you&limit=0", 400);
        expected.put("/v1/customers/C-RUNNER/offers?block=near-you&limit=x", 400);
        expected.put("/v1/customers/%20/offers?block=near-you", 400);
        expected.put("/v1/customers/C-RUNNER/blocks/near-you.txt", 404);
        for (var entry : expected.entrySet()) {
            HttpResponse<String> response = get(entry.getKey(), TestWorld.KEY);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(entry.getKey())
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("code").asText()).as(entry.getKey()).isNotBlank();
        }
        assertThat(get("/v1/customers/C-RUNNER/offers?block=near-you", null).statusCode()).isEqualTo(401);
        assertThat(post("/v1/models/x/promote", TestWorld.READER_KEY, "").statusCode()).isEqualTo(403);
    }

    static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int pageViews7d(String customer) throws Exception {
        JsonNode body = JSON.readTree(get("/v1/customers/" + customer + "/offers?block=near-you&explain=true",
                TestWorld.KEY).body());
        return body.path("features").path("page_views_7d").path("value").asInt(-1);
    }

    @Test
    void eventsChangeTheNextDecisionAndTheProfileAndErasureAreHonoured() throws Exception {
        String events = "[{\"event_id\":\"ev-1\",\"customer_id\":\"C-NEW\",\"time\":\"2025-06-14T10:00:00Z\","
                + "\"type\":\"page_view\",\"product_id\":\"GLF-0001\",\"session_id\":\"s1\"},"
                + "{\"event_id\":\"ev-2\",\"customer_id\":\"C-NEW\",\"time\":\"not a time\",\"type\":\"page_view\"}]";
        HttpResponse<String> posted = post("/v1/events", TestWorld.KEY, events);
        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode result = JSON.readTree(posted.body());
        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").get(0).path("code").asText()).isNotBlank();
        assertThat(JSON.readTree(post("/v1/events", TestWorld.KEY, events).body()).path("duplicates").asInt())
                .isEqualTo(1);
        // a customer first seen through an event is known at once, with the event counted
        JsonNode decision = JSON.readTree(get("/v1/customers/C-NEW/offers?block=near-you", TestWorld.KEY).body());
        assertThat(decision.path("fallback").isNull()).as(decision.toString()).isTrue();
        assertThat(pageViews7d("C-NEW")).isEqualTo(1);
        assertThat(post("/v1/events", TestWorld.READER_KEY, events).statusCode()).isEqualTo(403);
        assertThat(post("/v1/events", TestWorld.KEY, "{\"not\":\"an array\"}").statusCode()).isEqualTo(400);

        assertThat(send("PUT", "/v1/customers/C-NEW", TestWorld.KEY,
                "{\"city\":\"Boston\",\"region\":\"Northeast\",\"marketingConsent\":false}").statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(get("/v1/customers/C-NEW/offers?block=near-you", TestWorld.KEY).body())
                .path("fallback").asText()).isEqualTo("opted_out");
        assertThat(send("PUT", "/v1/customers/C-NEW", TestWorld.KEY, "{\"age\":3}").statusCode()).isEqualTo(400);

        HttpResponse<String> erased = send("DELETE", "/v1/customers/C-NEW", TestWorld.KEY, null);
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(erased.body()).path("erased").path("decisionLogEntries").asInt()).isPositive();
        assertThat(JSON.readTree(erased.body()).path("erased").path("eventLogEntries").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(get("/v1/customers/C-NEW/offers?block=near-you", TestWorld.KEY).body())
                .path("fallback").asText()).isEqualTo("unknown_customer");
        // the erased event's id still guards idempotency: resending it does not bring the customer back
        assertThat(JSON.readTree(post("/v1/events", TestWorld.KEY, events).body()).path("duplicates").asInt())
                .isEqualTo(1);
        assertThat(JSON.readTree(get("/v1/customers/C-NEW/offers?block=near-you", TestWorld.KEY).body())
                .path("fallback").asText()).isEqualTo("unknown_customer");
    }

    @Test
    void anUnsubscribeEventWithdrawsConsentAtOnce() throws Exception {
        String events = "[{\"event_id\":\"un-1\",\"customer_id\":\"C-UNSUB\",\"time\":\"2025-06-14T10:00:00Z\","
                + "\"type\":\"page_view\",\"product_id\":\"RUN-0001\"}]";
        assertThat(post("/v1/events", TestWorld.KEY, events).statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(get("/v1/customers/C-UNSUB/offers?block=near-you", TestWorld.KEY).body())
                .path("fallback").isNull()).isTrue();

        String unsubscribe = "[{\"event_id\":\"un-2\",\"customer_id\":\"C-UNSUB\","
                + "\"time\":\"2025-06-14T11:00:00Z\",\"type\":\"unsubscribe\"}]";
        assertThat(post("/v1/events", TestWorld.KEY, unsubscribe).statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(get("/v1/customers/C-UNSUB/offers?block=near-you", TestWorld.KEY).body())
                .path("fallback").asText()).isEqualTo("opted_out");
        // still opted out once the background applier has written the event into the store
        Thread.sleep(500);
        assertThat(JSON.readTree(get("/v1/customers/C-UNSUB/offers?block=near-you", TestWorld.KEY).body())
                .path("fallback").asText()).isEqualTo("opted_out");
    }

    @Test
    void theOpenApiDocumentListsTheServingRoutes() throws Exception {
        JsonNode paths = JSON.readTree(get("/openapi.json", null).body()).path("paths");
        assertThat(paths.has("/v1/customers/{id}/offers")).isTrue();
        assertThat(paths.has("/v1/offers:batch")).isTrue();
        assertThat(paths.has("/v1/models/{version}/promote")).isTrue();
        assertThat(paths.has("/v1/events")).isTrue();
        assertThat(paths.has("/v1/customers/{id}")).isTrue();
        assertThat(get("/ready", null).statusCode()).isEqualTo(200);
        get("/v1/customers/C-GOLFER/offers?block=near-you&explain=true", TestWorld.KEY);
        get("/v1/customers/C-RUNNER/offers?block=recommended-for-you", TestWorld.KEY);
        String metrics = get("/metrics", null).body();
        assertThat(metrics).contains("nbo_decisions_total{", "nbo_decision_seconds_bucket{",
                "nbo_served_features_total{status=\"present\"}",
                "nbo_model_scoring_seconds_bucket{model=\"propensity\"",
                "nbo_model_scoring_seconds_count{model=\"segments\"}",
                "nbo_model_scoring_cpu_seconds_total{model=\"propensity\"}");
        // the model scored every candidate row of the decision, counted as rows
        assertThat(metrics.lines().filter(l -> l.startsWith("nbo_model_scored_rows_total{model=\"propensity\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThan(0);
    }

    @Test
    void aChampionSwapUnderConcurrentRequestsFailsNoRequest() throws Exception {
        LocalModelRegistry registry = new LocalModelRegistry(dir.resolve("registry"));
        String first = registry.champion("propensity").orElseThrow().version();
        String second = registerCopy(registry, first, "20300101-000000");
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<Future<?>> clients = IntStream.range(0, 3).mapToObj(i -> pool.submit(() -> {
            while (System.nanoTime() < until) {
                try {
                    HttpResponse<String> r = get("/v1/customers/C-LOAD/offers?block=recommended-for-you",
                            TestWorld.KEY);
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    served.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }
        })).collect(Collectors.toList());
        int swaps = 0;
        while (System.nanoTime() < until) {
            String target = swaps % 2 == 0 ? second : first;
            assertThat(post("/v1/models/" + target + "/promote", TestWorld.KEY, "").statusCode()).isEqualTo(200);
            swaps++;
            Thread.sleep(50);
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        assertThat(swaps).isGreaterThan(5);
        assertThat(served.get()).isGreaterThan(20);
        assertThat(failures.get()).isZero();
        JsonNode models = JSON.readTree(get("/v1/models", TestWorld.KEY).body());
        assertThat(models.path("versions").size()).isEqualTo(2);
        assertThat(models.path("serving").asText()).isEqualTo(models.path("champion").asText());
        assertThat(get("/metrics", null).body().lines().filter(l -> l.startsWith("nbo_model_info{")))
                .as("the version serving now, and only it")
                .containsExactly("nbo_model_info{model=\"propensity\",version=\"" + models.path("serving").asText()
                        + "\"} 1.0");
    }

    /** Registers the files of {@code version} again as {@code newVersion}: a second, valid version to swap to. */
    private static String registerCopy(LocalModelRegistry registry, String version, String newVersion) {
        ModelManifest manifest = registry.manifest("propensity", version);
        Path versionDir = dir.resolve("registry/propensity").resolve(version);
        Map<String, Path> files = new LinkedHashMap<>();
        manifest.files().keySet().forEach(name -> files.put(name, versionDir.resolve(name)));
        registry.register("propensity", newVersion, files, new ModelManifest(manifest.model(), newVersion,
                manifest.createdAt(), manifest.codeVersion(), manifest.featureNames(), manifest.featureSpecHash(),
                manifest.snapshotId(), manifest.training(), manifest.hyperParameters(), manifest.seed(),
                manifest.metrics(), manifest.parity(), manifest.segments()));
        return newVersion;
    }

    @Test
    void refusesToStartWhenTheChampionWasBuiltFromOtherFeatures() throws IOException {
        String other = Files.readString(config).replace(ProjectFiles.config("features.yaml").toString(),
                ProjectFiles.config("online-retail/features.yaml").toString())
                .replace(dir.resolve("store/online.mv").toString(), dir.resolve("store2/online.mv").toString());
        Path otherConfig = Files.writeString(dir.resolve("other.yaml"), other);
        assertThatThrownBy(() -> ServingServer.start(ServingConfig.load(otherConfig),
                new PrintStream(OutputStream.nullOutputStream())))
                .hasMessageContaining("spec");
    }
}
