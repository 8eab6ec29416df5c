/**
 * The HTTP foundation of serving: {@link dev.nbo.serving.api.ApiServer} builds one Javalin application from the
 * {@link dev.nbo.serving.api.Route}s that other packages (decision, ingestion, content, admin) declare, so they add
 * endpoints without touching the server.
 *
 * <p>The server owns everything a route should not repeat: API-key authentication and scopes, request ids, the body
 * size limit, one mapping of every failure to {@code application/problem+json} ({@link dev.nbo.serving.api.ApiException}),
 * per-route Prometheus metrics ({@link dev.nbo.serving.api.Metrics}), {@code /health}, {@code /ready} and an OpenAPI
 * document generated from the same routes it serves.
 */
package dev.nbo.serving.api;
