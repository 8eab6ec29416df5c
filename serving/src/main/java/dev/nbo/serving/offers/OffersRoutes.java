package dev.nbo.serving.offers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.models.id.CustomerId;
import dev.nbo.serving.api.ApiException;
import dev.nbo.serving.api.ApiJson;
import dev.nbo.serving.api.HttpMethod;
import dev.nbo.serving.api.Metrics;
import io.prometheus.metrics.core.metrics.Histogram;
import dev.nbo.serving.api.QueryParameter;
import dev.nbo.serving.api.RequestId;
import dev.nbo.serving.api.Route;
import dev.nbo.serving.api.Scope;
import dev.nbo.serving.content.Block;
import dev.nbo.serving.content.BlockRenderer;
import dev.nbo.serving.content.RankedOffer;
import dev.nbo.serving.content.RenderInput;
import dev.nbo.serving.content.RenderedBlock;
import dev.nbo.serving.decision.BlockPolicy;
import dev.nbo.serving.decision.Decision;
import dev.nbo.serving.decision.DecisionRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** {@code GET /v1/customers/{id}/offers}, {@code POST /v1/offers:batch}, {@code GET /v1/customers/{id}/blocks/{block}.html}. */
public final class OffersRoutes {
    public static final int MAX_BATCH = 1000;
    private static final int MAX_LIMIT = 50;

    private final Function<DecisionRequest, Decision> engine;
    private final BlockPolicies blocks;
    private final BlockRenderer renderer;
    private final Consumer<Decision> decisionLog;
    private final LongSupplier clockMicros;
    private final Histogram latency;

    /** @param engine decides one request: the decision engine, or the experiment decider in front of it */
    public OffersRoutes(Function<DecisionRequest, Decision> engine, BlockPolicies blocks, BlockRenderer renderer,
                        Consumer<Decision> decisionLog, LongSupplier clockMicros, Metrics metrics) {
        this.latency = metrics.histogram("decision_seconds",
                "Time to decide one customer's offers (features, scoring, arbitration), by block", "block");
        this.engine = engine;
        this.blocks = blocks;
        this.renderer = renderer;
        this.decisionLog = decisionLog;
        this.clockMicros = clockMicros;
    }

    public List<Route> routes() {
        return List.of(
                Route.of(HttpMethod.GET, "/v1/customers/{id}/offers", Scope.OFFERS_READ,
                        "Ranked offers of a block for one customer", this::offers)
                        .withQueryParameter(new QueryParameter("block", true, "the block id (config/blocks.yaml)"))
                        .withQueryParameter(new QueryParameter("limit", false, "at most this many offers (1-50)"))
                        .withQueryParameter(new QueryParameter("explain", false,
                                "true: include the feature values used and their status")),
                Route.of(HttpMethod.POST, "/v1/offers:batch", Scope.OFFERS_READ,
                        "Ranked offers of a block for up to 1,000 customers, in request order", this::batch),
                Route.of(HttpMethod.GET, "/v1/customers/{id}/blocks/{file}", Scope.OFFERS_READ,
                        "The block rendered as HTML ({file} = <block>.html), or its fallback", this::html)
                        .withResponseType("text/html"));
    }

    private void offers(Context ctx) throws IOException {
        String customer = customerId(ctx.pathParam("id"));
        BlockPolicy block = policy(ctx.queryParam("block"));
        int limit = limit(ctx.queryParam("limit"), block.limit());
        boolean explain = "true".equalsIgnoreCase(ctx.queryParam("explain"));
        Decision decision = decide(RequestId.of(ctx), customer, block, limit, explain);
        ApiJson.respond(ctx, json -> DecisionJson.write(json, decision));
    }

    private void batch(Context ctx) throws Exception {
        JsonNode body = ApiJson.read(ctx, JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be an object {block, limit, customerIds}");
        }
        BlockPolicy block = policy(body.path("block").isTextual() ? body.path("block").asText() : null);
        int limit = body.has("limit") ? limit(body.get("limit").asText(), block.limit()) : block.limit();
        JsonNode ids = body.path("customerIds");
        if (!ids.isArray() || ids.isEmpty()) {
            throw ApiException.badRequest("customerIds must be a non-empty array of customer ids");
        }
        if (ids.size() > MAX_BATCH) {
            throw new ApiException(413, "batch_too_large", "Batch too large",
                    "customerIds holds " + ids.size() + " ids; at most " + MAX_BATCH + " per request");
        }
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).isTextual()) {
                throw ApiException.badRequest("customerIds[" + i + "] must be a string");
            }
            customers.add(customerId(ids.get(i).asText()));
        }
        String requestId = RequestId.of(ctx);
        List<Decision> results = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            results.add(decide(requestId + "-" + i, customers.get(i), block, limit, false));
        }
        ApiJson.respond(ctx, json -> {
            json.writeStartObject();
            json.writeStringField("requestId", requestId);
            json.writeStringField("block", block.id());
            json.writeArrayFieldStart("results");
            for (Decision decision : results) {
                DecisionJson.write(json, decision);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void html(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".html")) {
            throw ApiException.notFound("blocks are served as <block>.html, got " + file);
        }
        String customer = customerId(ctx.pathParam("id"));
        BlockPolicy policy = policy(file.substring(0, file.length() - ".html".length()));
        Block block = blocks.block(policy.id()).orElseThrow();
        Decision decision = decide(RequestId.of(ctx), customer, policy, policy.limit(), false);
        List<RankedOffer> offers = decision.offers().stream()
                .map(o -> RankedOffer.of(o.offer(), o.rank(), Double.isFinite(o.score()) ? o.score() : 0)).toList();
        RenderInput input = switch (decision.fallback() == null ? "" : decision.fallback()) {
            case "unknown_customer" -> RenderInput.unknownCustomer(offers);
            case "opted_out" -> new RenderInput(new CustomerId(customer), true, Map.of(), offers);
            default -> RenderInput.known(new CustomerId(customer), attributes(decision), offers);
        };
        RenderedBlock rendered = renderer.render(block, input);
        ctx.header("X-Nbo-Fallback", rendered.fallback() ? rendered.reason().wireName() : "none");
        ctx.contentType("text/html; charset=utf-8").result(rendered.html());
    }

    private static Map<String, String> attributes(Decision decision) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (decision.segment() != null) {
            attributes.put("segment", decision.segment().name());
        }
        return attributes;
    }

    private Decision decide(String requestId, String customer, BlockPolicy block, int limit, boolean explain) {
        long started = System.nanoTime();
        Decision decision = engine.apply(new DecisionRequest(requestId, customer, block, limit, explain,
                clockMicros.getAsLong()));
        latency.labelValues(block.id()).observe((System.nanoTime() - started) / 1e9);
        decisionLog.accept(decision);
        return decision;
    }

    private BlockPolicy policy(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("the block parameter is required; blocks: " + blocks.ids());
        }
        return blocks.policy(id).orElseThrow(() -> new ApiException(404, "unknown_block", "Unknown block",
                "no block '" + id + "'; blocks: " + blocks.ids()));
    }

    private static int limit(String text, int blockLimit) {
        if (text == null) {
            return blockLimit;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + text + "'");
    }

    private static String customerId(String text) {
        try {
            return new CustomerId(text).value();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad_customer_id", "Bad customer id", e.getMessage());
        }
    }
}
