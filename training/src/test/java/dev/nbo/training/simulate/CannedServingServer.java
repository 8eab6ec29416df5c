package dev.nbo.training.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) standing in for {@code ./nbo serve}: {@code GET /ready}, {@code POST
 * /v1/offers:batch} answering canned decisions in the documented shape, and {@code POST /v1/events} recording what
 * it is sent, each event with the serving time at which it arrived. Its serving clock starts at {@code asOf} when it
 * is created, like a server on {@code clock: snapshot}.
 *
 * <p>The canned experiment: customer number n (from its id) is in arm {@code model} (n % 3 == 0), {@code rules}
 * (1) or {@code control} (2), except every 20th, in the {@code holdout}; every 10th is opted out (fallback
 * {@code opted_out}, the control's offers).
 */
final class CannedServingServer implements AutoCloseable {
    static final String EXPERIMENT = "recs-model-vs-rules";
    static final Map<String, List<String>> OFFERS = Map.of(
            "model", List.of("golf-15", "golf-driver-hero", "home-15"),
            "rules", List.of("running-20", "nyc-running-club", "fitness-20"),
            "control", List.of("running-20", "fitness-20", "womenswear-30"),
            "holdout", List.of("running-20", "fitness-20", "womenswear-30"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer http;
    private final String key;
    private final Instant asOf;
    private final Instant wallStart;
    private final Clock wall = Clock.systemUTC();
    private final AtomicInteger batches = new AtomicInteger();
    private final Map<String, ServedDecision> decisions = new ConcurrentHashMap<>();
    private final List<Received> events = new CopyOnWriteArrayList<>();

    /** An event as it arrived, with the server's serving time then. */
    record Received(JsonNode event, Instant servingTime) {
    }

    CannedServingServer(String key, Instant asOf) throws IOException {
        this.key = key;
        this.asOf = asOf;
        this.wallStart = wall.instant();
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/ready", exchange -> answer(exchange, 200, Map.of("status", "ready")));
        http.createContext("/v1/offers:batch", this::batch);
        http.createContext("/v1/events", this::events);
        http.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    /** Every decision served, by request id. */
    Map<String, ServedDecision> decisions() {
        return decisions;
    }

    List<Received> events() {
        return events;
    }

    Instant servingTime() {
        return asOf.plus(Duration.between(wallStart, wall.instant()));
    }

    static String arm(String customerId) {
        int number = Integer.parseInt(customerId.substring(1));
        if (number % 20 == 0) {
            return "holdout";
        }
        return List.of("model", "rules", "control").get(number % 3);
    }

    private void batch(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String batch = "batch" + batches.incrementAndGet();
        List<Map<String, Object>> results = new ArrayList<>();
        JsonNode ids = body.path("customerIds");
        for (int i = 0; i < ids.size(); i++) {
            String customer = ids.get(i).asText();
            int number = Integer.parseInt(customer.substring(1));
            String arm = arm(customer);
            boolean optedOut = number % 10 == 0;
            List<String> offers = OFFERS.get(optedOut ? "control" : arm);
            String requestId = batch + "-" + i;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("requestId", requestId);
            result.put("customerId", customer);
            result.put("block", body.path("block").asText());
            result.put("strategy", arm.equals("model") ? "model" : arm.equals("rules") ? "rules" : "fixed");
            result.put("modelVersion", "v1");
            result.put("segment", null);
            result.put("fallback", optedOut ? "opted_out" : null);
            result.put("stale", false);
            result.put("experiment", Map.of("name", EXPERIMENT, "arm", arm));
            List<Map<String, Object>> shown = new ArrayList<>();
            for (int rank = 1; rank <= offers.size(); rank++) {
                Map<String, Object> offer = new LinkedHashMap<>();
                offer.put("offerId", offers.get(rank - 1));
                offer.put("rank", rank);
                offer.put("score", 1.0 / rank);
                offer.put("propensity", 0.01);
                offer.put("value", 20.0);
                offer.put("category", "unused-by-the-simulator");
                offer.put("reasons", List.of());
                offer.put("content", Map.of("title", "An offer"));
                shown.add(offer);
            }
            result.put("offers", shown);
            results.add(result);
            decisions.put(requestId, new ServedDecision(requestId, customer, (String) result.get("strategy"),
                    (String) result.get("fallback"), EXPERIMENT, arm, List.of()));
        }
        answer(exchange, 200, Map.of("requestId", batch, "block", body.path("block").asText(), "results", results));
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        Instant now = servingTime();
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        for (JsonNode event : body) {
            events.add(new Received(event, now));
        }
        answer(exchange, 202, Map.of("accepted", body.size(), "duplicates", 0, "rejected", List.of()));
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        if (("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        answer(exchange, 401, Map.of("type", "urn:nbo:problem:unauthorized", "title", "Unauthorized", "status", 401,
                "detail", "unknown API key", "code", "unauthorized"));
        return false;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json"
                : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
