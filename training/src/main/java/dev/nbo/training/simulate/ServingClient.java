package dev.nbo.training.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.id.OfferId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two endpoints of the NBO serving API an e-mail service provider calls: {@code POST /v1/offers:batch} (what to
 * put in each customer's e-mail) and {@code POST /v1/events} (what the customers did with it). Errors a user can fix
 * (server down or not ready, key refused, unknown block) are {@link IllegalArgumentException}s saying what to do.
 */
public final class ServingClient {
    /** At most this many customers per offers request (the server's limit). */
    public static final int MAX_CUSTOMERS = 1000;
    /** At most this many events per events request (the server's limit). */
    public static final int MAX_EVENTS = 10_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String key;
    private final HttpClient http;

    public ServingClient(URI server, String key) {
        this.server = server;
        this.key = key;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Refuses an unreachable server, or one that answers {@code /ready} with anything but 200. */
    public void checkReady() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.resolve("/ready")).GET()
                .timeout(Duration.ofSeconds(30)).build());
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException("the server at " + server + " is not ready (GET /ready answered "
                    + response.statusCode() + ": " + detail(response) + "); wait until it answers 200");
        }
    }

    /** The decisions for {@code customerIds} (at most {@link #MAX_CUSTOMERS}) in {@code block}, in request order. */
    public List<ServedDecision> offers(String block, List<String> customerIds) {
        if (customerIds.isEmpty() || customerIds.size() > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("an offers request holds 1 to " + MAX_CUSTOMERS + " customers, not "
                    + customerIds.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("block", block);
        body.put("customerIds", customerIds);
        JsonNode json = post("/v1/offers:batch", body);
        JsonNode results = json.path("results");
        if (!results.isArray() || results.size() != customerIds.size()) {
            throw new IllegalStateException("POST /v1/offers:batch answered " + results.size() + " results for "
                    + customerIds.size() + " customers");
        }
        List<ServedDecision> decisions = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            decisions.add(decision(result));
        }
        return decisions;
    }

    /** Posts {@code events} (at most {@link #MAX_EVENTS}) and returns what the server made of them. */
    public PostedEvents postEvents(List<OutcomeEvent> events) {
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("an events request holds at most " + MAX_EVENTS + " events, not "
                    + events.size());
        }
        JsonNode json = post("/v1/events", events.stream().map(OutcomeEvent::toJson).toList());
        List<String> rejections = new ArrayList<>();
        for (JsonNode rejection : json.path("rejected")) {
            int index = rejection.path("index").asInt();
            rejections.add("event " + (index < events.size() ? events.get(index).eventId() : "#" + index) + ": "
                    + rejection.path("code").asText() + " (" + rejection.path("detail").asText() + ")");
        }
        return new PostedEvents(json.path("accepted").asInt(), json.path("duplicates").asInt(), rejections);
    }

    /**
     * What {@code POST /v1/events} answered.
     *
     * @param rejections one line per rejected event: its id, code and detail
     */
    public record PostedEvents(int accepted, int duplicates, List<String> rejections) {
        public PostedEvents {
            rejections = List.copyOf(rejections);
        }
    }

    private static ServedDecision decision(JsonNode result) {
        List<ShownOffer> offers = new ArrayList<>();
        for (JsonNode offer : result.path("offers")) {
            offers.add(new ShownOffer(new OfferId(offer.path("offerId").asText()), offer.path("rank").asInt()));
        }
        JsonNode experiment = result.path("experiment");
        return new ServedDecision(text(result, "requestId"), text(result, "customerId"), text(result, "strategy"),
                text(result, "fallback"), text(experiment, "name"), text(experiment, "arm"), offers);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private JsonNode post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the body of " + path, e);
        }
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 401) {
            throw new IllegalArgumentException("the server at " + server + " refused the key (401 unauthorized):"
                    + " pass --key with a key of its serving.yaml (the demo's is nbo-demo-key)");
        }
        if (status == 403) {
            throw new IllegalArgumentException("the key lacks a scope for POST " + path + " (403: " + detail(response)
                    + "); the simulation needs a key with offers:read and events:write");
        }
        if (status >= 400 && status < 500) {
            throw new IllegalArgumentException("POST " + path + " answered " + status + ": " + detail(response));
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + status + ": " + detail(response)
                    + " (see the server's log)");
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("POST " + path + " answered " + status + " with a body that is not JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalArgumentException("cannot reach the server at " + server + " (connection refused):"
                    + " start it with ./nbo serve --config config/serving.yaml, or pass --server with its address", e);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("the server at " + server + " did not answer "
                    + request.method() + " " + request.uri().getPath() + " in time", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot talk to the server at " + server + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
        }
    }

    /** The problem's {@code code} and {@code detail}, or the start of a body that is not a problem. */
    private static String detail(HttpResponse<String> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem != null && problem.has("detail")) {
                return problem.path("code").asText("?") + ": " + problem.path("detail").asText();
            }
        } catch (JsonProcessingException notJson) {
            // fall through: show the body as it is
        }
        return abbreviate(response.body());
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
