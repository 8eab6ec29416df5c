package dev.nbo.serving.app;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.serving.api.ServerConfig;
import dev.nbo.serving.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code serving.yaml} (docs/serving.md). Relative paths are relative to the folder of the config file, so a config
 * and the files it names can move together.
 *
 * @param onlineSnapshot the feature pipeline's {@code online/} folder to bulk-load when the store is empty
 * @param snapshotClock  {@code clock: snapshot}: serving time starts at the snapshot's as-of time and runs on from
 *                       there — for demos and replays of historical data, whose windows would be empty today
 * @param experiments    experiments.yaml ({@code paths.experiments}); null when the service runs no experiments
 * @param decisionRetention how long the decision log keeps decisions ({@code logs.decision_retention_days}); null
 *                       keeps them all
 */
public record ServingConfig(String origin, ServerConfig server, Path spec, Path offers, Path blocks, Path registry,
                            String modelName, Duration watchEvery, Path onlineSnapshot, boolean reloadSnapshot,
                            StoreConfig store, Path logDir, boolean snapshotClock, Path experiments,
                            Duration decisionRetention) {

    public static ServingConfig load(Path file) {
        ConfigNode root = ConfigNode.load(file);
        Path base = file.toAbsolutePath().getParent();
        root.allowOnly("version", "server", "security", "paths", "model", "store", "logs", "clock");
        ConfigNode clock = root.field("clock");
        boolean snapshotClock = !clock.isMissing() && switch (clock.string()) {
            case "wall" -> false;
            case "snapshot" -> true;
            default -> throw clock.error("clock must be wall (default) or snapshot, got '" + clock.string() + "'");
        };
        ConfigNode version = root.field("version");
        if (!version.isMissing() && version.integer() != 1) {
            throw version.error("version " + version.integer() + " is not supported; this release reads version 1");
        }
        ConfigNode paths = root.required("paths");
        paths.allowOnly("spec", "offers", "blocks", "registry", "online_snapshot", "experiments");
        ConfigNode model = root.field("model");
        String modelName = "propensity";
        Duration watch = Duration.ofSeconds(10);
        boolean reload = false;
        if (!model.isMissing()) {
            model.allowOnly("name", "watch_seconds");
            modelName = model.field("name").optionalString().orElse(modelName);
            if (!model.field("watch_seconds").isMissing()) {
                long seconds = model.field("watch_seconds").integer();
                if (seconds < 1) {
                    throw model.field("watch_seconds").error("watch_seconds must be at least 1, got " + seconds);
                }
                watch = Duration.ofSeconds(seconds);
            }
        }
        ConfigNode storeNode = root.field("store");
        StoreConfig store = storeNode.isMissing() ? StoreConfig.embedded(base.resolve("nbo-store/online.mv"))
                : StoreConfig.from(storeNode);
        if (store.type() == StoreConfig.Type.EMBEDDED && !store.path().isAbsolute()) {
            store = new StoreConfig(store.type(), base.resolve(store.path()).normalize(), store.redis(),
                    store.staleAfter());
        }
        ConfigNode logs = root.field("logs");
        Path logDir = base.resolve("nbo-logs");
        Duration decisionRetention = null;
        if (!logs.isMissing()) {
            logs.allowOnly("dir", "decision_retention_days");
            logDir = logs.field("dir").optionalString().map(base::resolve).orElse(logDir);
            ConfigNode retention = logs.field("decision_retention_days");
            if (!retention.isMissing()) {
                long days = retention.integer();
                if (days < 1) {
                    throw retention.error("decision_retention_days must be at least 1, got " + days
                            + "; leave it out to keep every decision");
                }
                decisionRetention = Duration.ofDays(days);
            }
        }
        return new ServingConfig(file.toString(), ServerConfig.from(root), path(base, paths, "spec"),
                path(base, paths, "offers"), path(base, paths, "blocks"), path(base, paths, "registry"), modelName,
                watch, path(base, paths, "online_snapshot"), reload, store, logDir.normalize(), snapshotClock,
                paths.field("experiments").optionalString().map(p -> base.resolve(p).normalize()).orElse(null),
                decisionRetention);
    }

    private static Path path(Path base, ConfigNode paths, String field) {
        return base.resolve(paths.required(field).string()).normalize();
    }

    /** The same service on its own store and logs (benchmarks: never touch the demo's files). */
    public ServingConfig withStoreAndLogs(StoreConfig newStore, Path newLogDir) {
        return new ServingConfig(origin, server, spec, offers, blocks, registry, modelName, watchEvery,
                onlineSnapshot, reloadSnapshot, newStore, newLogDir, snapshotClock, experiments, decisionRetention);
    }

    public ServingConfig withPort(int port) {
        return new ServingConfig(origin, server.withPort(port), spec, offers, blocks, registry, modelName, watchEvery,
                onlineSnapshot, reloadSnapshot, store, logDir, snapshotClock, experiments, decisionRetention);
    }

    /** The same service running {@code file}'s experiments (null: none). */
    public ServingConfig withExperiments(Path file) {
        return new ServingConfig(origin, server, spec, offers, blocks, registry, modelName, watchEvery,
                onlineSnapshot, reloadSnapshot, store, logDir, snapshotClock, file, decisionRetention);
    }
}
