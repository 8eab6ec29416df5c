package dev.nbo.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small API registered the way other serving packages register theirs, started on port 0, with a client. The keys
 * are fixed test secrets; their hashes are what a config file would hold.
 */
final class SampleApi implements AutoCloseable {
    static final String READER_KEY = "reader-secret-0123456789";
    static final String WRITER_KEY = "writer-secret-0123456789";
    static final String ADMIN_KEY = "admin-secret-0123456789";

    /** A body record that validates in its constructor, as the project's records do. */
    record NewThing(String name, int quantity, List<String> tags) {
        NewThing {
            if (name == null || tags == null) {
                throw new IllegalArgumentException("name and tags are required, got name=" + name + ", tags=" + tags);
            }
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must be zero or more, got " + quantity);
            }
        }
    }

    final ApiServer server;
    final Metrics metrics;
    private final HttpClient client = HttpClient.newHttpClient();

    SampleApi(ServerConfig config, ReadinessCheck readiness) {
        metrics = new Metrics();
        server = ApiServer.create(config, routes(), metrics, readiness).start();
    }

    SampleApi() {
        this(defaultConfig(), ReadinessCheck.alwaysReady());
    }

    static ServerConfig defaultConfig() {
        return ServerConfig.defaults().withPort(0).withApiKeys(keys()).withMaxBodyBytes(64 * 1024);
    }

    static ApiKeys keys() {
        return new ApiKeys(List.of(
                new ApiKey("reader", ApiKeyHash.of(READER_KEY), java.util.Set.of(Scope.OFFERS_READ)),
                new ApiKey("writer", ApiKeyHash.of(WRITER_KEY), java.util.Set.of(Scope.EVENTS_WRITE)),
                new ApiKey("admin", ApiKeyHash.of(ADMIN_KEY), java.util.Set.of(Scope.ADMIN))));
    }

    static List<Route> routes() {
        ObjectNode thingSchema = ApiJson.mapper().createObjectNode().put("type", "object");
        return List.of(
                Route.of(HttpMethod.GET, "/things/{id}", Scope.OFFERS_READ, "One thing",
                        ctx -> {
                            int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(10);
                            ctx.json(Map.of("id", ctx.pathParam("id"), "limit", limit, "requestId", RequestId.of(ctx)));
                        })
                        .withQueryParameter(new QueryParameter("limit", false, "how many"))
                        .withResponseSchema(thingSchema),
                Route.of(HttpMethod.POST, "/things", Scope.EVENTS_WRITE, "Create a thing", ctx -> {
                    NewThing thing = ApiJson.read(ctx, NewThing.class);
                    ctx.status(201).json(thing);
                }).withRequestSchema(thingSchema),
                Route.of(HttpMethod.POST, "/echo", Scope.EVENTS_WRITE, "Echoes any JSON",
                        ctx -> ctx.json(ApiJson.read(ctx, JsonNode.class))),
                Route.of(HttpMethod.GET, "/boom", Scope.ADMIN, "A handler with a bug", ctx -> {
                    throw new IllegalStateException("secret internal state 42");
                }),
                Route.of(HttpMethod.GET, "/refuse/{kind}", Scope.ADMIN, "Throws the named error kind", ctx -> {
                    throw switch (ctx.pathParam("kind")) {
                        case "bad_request" -> ApiException.badRequest("bad");
                        case "unauthorized" -> ApiException.unauthorized("who");
                        case "forbidden" -> ApiException.forbidden("no");
                        case "not_found" -> ApiException.notFound("customer c-1 is unknown");
                        case "payload_too_large" -> ApiException.payloadTooLarge("big");
                        case "unsupported_media_type" -> ApiException.unsupportedMediaType("xml");
                        case "unprocessable" -> ApiException.unprocessable("offer o-9 does not exist");
                        default -> ApiException.badRequest("unknown kind");
                    };
                }));
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    HttpResponse<String> method(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return ApiJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static Optional<String> contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type");
    }

    @Override
    public void close() {
        server.close();
    }
}
