package dev.nbo.serving.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.feature.Window;
import dev.nbo.models.id.CustomerId;
import dev.nbo.serving.api.ApiException;
import dev.nbo.serving.api.ApiJson;
import dev.nbo.serving.api.HttpMethod;
import dev.nbo.serving.api.Route;
import dev.nbo.serving.api.Scope;
import dev.nbo.serving.decision.ExposureCounter;
import dev.nbo.serving.ingest.EventIngestor;
import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionWriter;
import dev.nbo.serving.store.EventApplier;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT /v1/customers/{id}} (CRM sync of profile attributes) and {@code DELETE /v1/customers/{id}} (GDPR
 * erasure of the profile, the online features, the frequency-cap history and the customer id in the decision log).
 */
final class CustomersRoutes {
    private static final Set<String> FIELDS = Set.of("signupTime", "birthYear", "city", "region", "country",
            "interests", "marketingConsent");

    private final EventApplier applier;
    private final EventIngestor events;
    private final DecisionLog decisions;
    private final DecisionWriter writer;
    private final ExposureCounter exposures;

    CustomersRoutes(EventApplier applier, EventIngestor events, DecisionLog decisions, DecisionWriter writer,
                    ExposureCounter exposures) {
        this.applier = applier;
        this.events = events;
        this.decisions = decisions;
        this.writer = writer;
        this.exposures = exposures;
    }

    List<Route> routes() {
        return List.of(
                Route.of(HttpMethod.PUT, "/v1/customers/{id}", Scope.EVENTS_WRITE,
                        "Create or replace a customer's profile attributes (CRM sync)", this::upsert),
                Route.of(HttpMethod.DELETE, "/v1/customers/{id}", Scope.ADMIN,
                        "Erase a customer: profile, online features, exposure history, id in decision logs",
                        this::erase));
    }

    private void upsert(Context ctx) throws Exception {
        String id = customerId(ctx);
        JsonNode body = ApiJson.read(ctx, JsonNode.class);
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object of profile attributes " + FIELDS);
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest("unknown profile field '" + field + "'; fields: " + FIELDS);
            }
        });
        CustomerProfile profile = new CustomerProfile(id, signup(body.get("signupTime")),
                integer(body.get("birthYear"), "birthYear"), text(body.get("city"), "city"),
                text(body.get("region"), "region"), text(body.get("country"), "country"),
                strings(body.get("interests")), bool(body.get("marketingConsent")));
        applier.upsertProfile(profile);
        ctx.json(Map.of("customerId", id, "updated", true));
    }

    private void erase(Context ctx) {
        String id = customerId(ctx);
        boolean features = applier.erase(new CustomerId(id));
        writer.flush();
        int logged = decisions.erase(id);
        int events = this.events.erase(id);
        exposures.erase(id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", id);
        json.put("erased", Map.of("profileAndFeatures", features, "decisionLogEntries", logged,
                "eventLogEntries", events, "exposureHistory", true));
        ctx.json(json);
    }

    private static String customerId(Context ctx) {
        try {
            return new CustomerId(ctx.pathParam("id")).value();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad_customer_id", "Bad customer id", e.getMessage());
        }
    }

    private static Long signup(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Window.micros(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("signupTime must be an ISO-8601 instant such as 2024-03-01T10:00:00Z, got "
                    + node);
        }
    }

    private static Integer integer(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt()) {
            throw ApiException.badRequest(field + " must be a whole number, got " + node);
        }
        return node.asInt();
    }

    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest(field + " must be a string, got " + node);
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("interests must be an array of strings, got " + node);
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> {
            if (!v.isTextual()) {
                throw ApiException.badRequest("interests must be an array of strings, got " + node);
            }
            values.add(v.asText());
        });
        return values;
    }

    private static Boolean bool(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiException.badRequest("marketingConsent must be true or false, got " + node);
        }
        return node.asBoolean();
    }
}
