package dev.nbo.serving.app;

import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.registry.ModelManifest;
import dev.nbo.serving.api.ApiException;
import dev.nbo.serving.api.HttpMethod;
import dev.nbo.serving.api.Route;
import dev.nbo.serving.api.Scope;
import dev.nbo.serving.model.ModelHolder;
import dev.nbo.serving.model.ServingModel;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/models} and {@code POST /v1/models/{version}/promote} (admin). */
final class ModelsRoutes {
    private final LocalModelRegistry registry;
    private final String modelName;
    private final ModelHolder models;

    ModelsRoutes(LocalModelRegistry registry, String modelName, ModelHolder models) {
        this.registry = registry;
        this.modelName = modelName;
        this.models = models;
    }

    List<Route> routes() {
        return List.of(
                Route.of(HttpMethod.GET, "/v1/models", Scope.OFFERS_READ,
                        "The registered versions, the champion and the version being served", this::list),
                Route.of(HttpMethod.POST, "/v1/models/{version}/promote", Scope.ADMIN,
                        "Make a registered version the champion and serve it", this::promote));
    }

    private void list(Context ctx) {
        String champion = registry.champion(modelName).map(c -> c.version()).orElse(null);
        List<Map<String, Object>> versions = new ArrayList<>();
        for (String version : registry.versions(modelName)) {
            ModelManifest manifest = registry.manifest(modelName, version);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("version", version);
            v.put("createdAt", manifest.createdAt().toString());
            v.put("champion", version.equals(champion));
            v.put("metrics", manifest.metrics());
            versions.add(v);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelName);
        json.put("champion", champion);
        json.put("serving", models.currentIfLoaded().map(ServingModel::version).orElse(null));
        json.put("versions", versions);
        ctx.json(json);
    }

    private void promote(Context ctx) {
        String version = ctx.pathParam("version");
        if (!registry.versions(modelName).contains(version)) {
            throw new ApiException(404, "unknown_version", "Unknown model version",
                    "model " + modelName + " has no version '" + version + "'; see GET /v1/models");
        }
        ServingModel loaded;
        try {
            // load first: a version that cannot be served never becomes the champion
            loaded = models.load(version);
        } catch (RuntimeException e) {
            throw ApiException.unprocessable("version " + version + " cannot be served: " + e.getMessage());
        }
        registry.promote(modelName, version, "promoted through POST /v1/models/" + version + "/promote");
        ctx.json(Map.of("model", modelName, "champion", version, "serving", loaded.version()));
    }
}
