package dev.nbo.serving.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the API, declared by the package that owns it: method, path template, the scope a key needs, the
 * handler, and what the OpenAPI document says about it. Path parameters use Javalin's {@code {name}} syntax.
 *
 * @param scope          the scope an API key needs; empty for an open route (health checks, metrics, docs)
 * @param requestSchema  JSON Schema of the request body, or {@code null} for a route without a body
 * @param responseSchema JSON Schema of the 200 response body, or {@code null} to leave it undocumented
 * @param responseType   media type of the 200 response, e.g. {@code application/json} or {@code text/html}
 */
public record Route(HttpMethod method, String path, Optional<Scope> scope, String summary, RouteHandler handler,
                    JsonNode requestSchema, JsonNode responseSchema, String responseType,
                    List<QueryParameter> queryParameters) {
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~{}:-]*)+");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    public Route {
        if (method == null) {
            throw new IllegalArgumentException("a route needs a method (path " + path + ")");
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("route path must start with '/' and hold only URL-safe characters and "
                    + "{parameters}, got '" + path + "'");
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("route " + method + " " + path + " needs a summary for the API docs");
        }
        if (handler == null) {
            throw new IllegalArgumentException("route " + method + " " + path + " needs a handler");
        }
        scope = scope == null ? Optional.empty() : scope;
        responseType = responseType == null || responseType.isBlank() ? "application/json" : responseType;
        queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    }

    /** A route that needs an API key with {@code scope}. */
    public static Route of(HttpMethod method, String path, Scope scope, String summary, RouteHandler handler) {
        if (scope == null) {
            throw new IllegalArgumentException("route " + method + " " + path + " needs a scope; use Route.open(...) "
                    + "only for routes anyone may call");
        }
        return new Route(method, path, Optional.of(scope), summary, handler, null, null, null, List.of());
    }

    /** A route anyone may call without a key. Keep these to health, readiness, metrics and docs. */
    public static Route open(HttpMethod method, String path, String summary, RouteHandler handler) {
        return new Route(method, path, Optional.empty(), summary, handler, null, null, null, List.of());
    }

    public Route withRequestSchema(JsonNode schema) {
        return new Route(method, path, scope, summary, handler, schema, responseSchema, responseType, queryParameters);
    }

    public Route withResponseSchema(JsonNode schema) {
        return new Route(method, path, scope, summary, handler, requestSchema, schema, responseType, queryParameters);
    }

    public Route withResponseType(String mediaType) {
        return new Route(method, path, scope, summary, handler, requestSchema, responseSchema, mediaType,
                queryParameters);
    }

    public Route withQueryParameter(QueryParameter parameter) {
        List<QueryParameter> more = new ArrayList<>(queryParameters);
        more.add(parameter);
        return new Route(method, path, scope, summary, handler, requestSchema, responseSchema, responseType, more);
    }

    /** The names of the {@code {parameters}} in the path, in order. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    /** {@code GET /offers/{customerId}}: how logs, errors and metrics name this route. */
    public String key() {
        return method + " " + path;
    }
}
