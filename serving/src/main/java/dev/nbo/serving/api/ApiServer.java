package dev.nbo.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The serving HTTP server: one Javalin application built from the {@link Route}s other packages declare, plus the
 * open routes every deployment needs ({@code /health}, {@code /ready}, {@code /metrics}, {@code /openapi.json}).
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.create(config, List.of(offersRoute, eventsRoute), metrics, readiness).start()) {
 *     int port = server.port();
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
    /** Oversize bodies up to this size are read and discarded before the 413 (see refuseLargeBody). */
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;
    private static final String STARTED_AT = "nbo.startedAt";
    private static final String OPENAPI_PATH = "/openapi.json";
    private static final String OPENAPI_SUMMARY = "This API as an OpenAPI 3.1 document";

    private final Javalin app;
    private final List<Route> routes;

    private ApiServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    public static ApiServer create(ServerConfig config, List<Route> routes) {
        return create(config, routes, new Metrics(), ReadinessCheck.alwaysReady());
    }

    /**
     * Builds the application without starting it. Two routes with the same method and path are refused here, at
     * start-up, rather than one silently shadowing the other.
     */
    public static ApiServer create(ServerConfig config, List<Route> routes, Metrics metrics, ReadinessCheck readiness) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(readiness, "readiness");
        List<Route> all = new ArrayList<>(builtInRoutes(metrics, readiness));
        all.addAll(routes);
        refuseDuplicates(all);
        List<Route> served = List.copyOf(all);
        byte[] openApi = openApiBytes(served);
        List<Route> withDocs = new ArrayList<>(served);
        withDocs.add(Route.open(HttpMethod.GET, OPENAPI_PATH, OPENAPI_SUMMARY,
                ctx -> ctx.contentType("application/json").result(openApi)));
        List<Route> finalRoutes = List.copyOf(withDocs);
        KeyAuthenticator authenticator = new KeyAuthenticator(config.apiKeys());
        Javalin app = Javalin.create(javalin -> configure(javalin, config, finalRoutes, authenticator, metrics));
        return new ApiServer(app, finalRoutes);
    }

    private static List<Route> builtInRoutes(Metrics metrics, ReadinessCheck readiness) {
        return List.of(
                Route.open(HttpMethod.GET, "/health", "Liveness: the process answers HTTP",
                        ctx -> ctx.json(Map.of("status", "up"))),
                Route.open(HttpMethod.GET, "/ready", "Readiness: 200 when the service can answer, else 503 problem",
                        ctx -> {
                            var reason = readiness.notReadyReason();
                            if (reason.isPresent()) {
                                throw ApiException.notReady(reason.get());
                            }
                            ctx.json(Map.of("status", "ready"));
                        }),
                Route.open(HttpMethod.GET, "/metrics", "Prometheus metrics in text format",
                        ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()))
                        .withResponseType("text/plain"));
    }

    private static void refuseDuplicates(List<Route> routes) {
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            // Javalin matches {a} and {b} at the same place alike, so compare templates with names erased.
            String shape = route.method() + " " + route.path().replaceAll("\\{[^}]*}", "{}");
            if (!seen.add(shape) || route.path().equals(OPENAPI_PATH)) {
                throw new IllegalArgumentException("route " + route.key() + " is registered twice (or clashes with a "
                        + "built-in route); give each endpoint its own method and path");
            }
        }
    }

    /** The document lists itself too; its handler is not needed here, only its description. */
    private static byte[] openApiBytes(List<Route> routes) {
        List<Route> documented = new ArrayList<>(routes);
        documented.add(Route.open(HttpMethod.GET, OPENAPI_PATH, OPENAPI_SUMMARY, ctx -> { }));
        ObjectNode doc = OpenApiDocument.of(documented, version());
        try {
            return ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Jackson tree always serialises", e);
        }
    }

    private static String version() {
        String version = ApiServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static void configure(JavalinConfig javalin, ServerConfig config, List<Route> routes,
                                  KeyAuthenticator authenticator, Metrics metrics) {
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.http.maxRequestSize = config.maxBodyBytes();
        // A known path with the wrong method is a client mistake worth naming (405), not a missing page.
        javalin.http.prefer405over404 = true;
        javalin.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
        javalin.jetty.host = config.host();
        javalin.jetty.port = config.port();
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new TransportErrorHandler()));
        config.tls().ifPresent(tls -> javalin.jetty.addConnector(
                (server, http) -> httpsConnector(server, http, config, tls)));

        // Javalin pre-registers its own mappers for these two; registering ours replaces them.
        javalin.routes.exception(HttpResponseException.class, ProblemMapper::write);
        javalin.routes.exception(ValidationException.class, ProblemMapper::write);
        javalin.routes.exception(Exception.class, ProblemMapper::write);
        javalin.routes.before(ctx -> {
            ctx.attribute(STARTED_AT, System.nanoTime());
            RequestId.assign(ctx);
        });
        // Before-matched (not before) so that an unknown path stays a 404 and a 413 is counted under its route.
        javalin.routes.beforeMatched(ctx -> refuseLargeBody(ctx, config.maxBodyBytes()));
        javalin.routes.after(ctx -> recordRequest(ctx, metrics));
        for (Route route : routes) {
            javalin.routes.addHttpHandler(route.method().javalin(), route.path(), ctx -> {
                if (route.scope().isPresent()) {
                    authenticator.authorize(ctx, route.scope().get());
                }
                route.handler().handle(ctx);
            });
        }
    }

    /**
     * Refuses a declared oversize body before anyone parses it; chunked bodies are cut off by Javalin while read. A
     * body of at most {@link #DRAIN_BYTES} is read and discarded first: closing a connection with unread bytes makes
     * TCP reset it, and a client still sending would lose the 413 that says what to do. Larger ones are not read.
     */
    private static void refuseLargeBody(Context ctx, long maxBodyBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            if (declared <= DRAIN_BYTES) {
                drain(ctx);
            }
            throw ApiException.payloadTooLarge("the body has " + declared + " bytes; the limit is " + maxBodyBytes
                    + " (server.max_body_bytes); send less data per request");
        }
    }

    private static void drain(Context ctx) {
        try (var body = ctx.req().getInputStream()) {
            byte[] buffer = new byte[16 * 1024];
            while (body.read(buffer) >= 0) {
                // discarded
            }
        } catch (java.io.IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static void recordRequest(Context ctx, Metrics metrics) {
        Long started = ctx.attribute(STARTED_AT);
        double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        // Unmatched paths share one label: raw paths would let any client create unbounded time series.
        String route = endpoint == null || endpoint.path.isEmpty() ? "unmatched" : endpoint.path;
        metrics.recordRequest(ctx.method().name(), route, ctx.statusCode(), seconds);
    }

    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, ServerConfig config,
                                                  TlsConfig tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, ssl, new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    public ApiServer start() {
        app.start();
        return this;
    }

    /** The port the server listens on; with {@code port: 0} the one the OS picked. */
    public int port() {
        return app.port();
    }

    /** Every route served, the built-in ones included, in registration order. */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        app.stop();
    }
}
