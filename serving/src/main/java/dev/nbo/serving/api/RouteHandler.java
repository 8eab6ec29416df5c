package dev.nbo.serving.api;

import io.javalin.http.Context;

/**
 * What a route does with a request that has already passed authentication, the body limit and request-id tagging.
 * Throw {@link ApiException} for a request the client must fix; any other exception is treated as a bug (500).
 */
@FunctionalInterface
public interface RouteHandler {
    void handle(Context ctx) throws Exception;
}
