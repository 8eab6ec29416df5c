package dev.nbo.serving.app;

import dev.nbo.experiments.assign.Assigner;
import dev.nbo.experiments.attribution.Exposure;
import dev.nbo.experiments.config.ArmSpec;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.config.ExperimentsConfig;
import dev.nbo.experiments.config.ExperimentsConfigLoader;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Window;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.OnlineSnapshot;
import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.serving.api.ApiServer;
import dev.nbo.serving.api.Metrics;
import dev.nbo.serving.api.ReadinessCheck;
import dev.nbo.serving.api.Route;
import dev.nbo.serving.content.BlockCatalog;
import dev.nbo.serving.content.BlockRenderer;
import dev.nbo.serving.decision.Decision;
import dev.nbo.serving.decision.DecisionEngine;
import dev.nbo.serving.decision.ExposureCounter;
import dev.nbo.serving.decision.ScoringTimer;
import dev.nbo.serving.experiment.ExperimentDecider;
import dev.nbo.serving.experiment.ExperimentLogs;
import dev.nbo.serving.experiment.ExperimentsRoutes;
import dev.nbo.serving.ingest.EventIngestor;
import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionWriter;
import dev.nbo.serving.model.ModelHolder;
import dev.nbo.serving.offers.BlockPolicies;
import dev.nbo.serving.offers.OffersRoutes;
import dev.nbo.serving.store.EventApplier;
import dev.nbo.serving.store.LoadSummary;
import dev.nbo.serving.store.OnlineFeatures;
import dev.nbo.serving.store.OnlineStore;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The running service. {@link #start} checks everything before it listens: a bad spec, offers, blocks, rules, a
 * missing champion or one built from other features, or a store holding another spec's data, each stops it with a
 * message that says what to fix.
 */
public final class ServingServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServingServer.class.getName());
    private final ApiServer api;
    private final ModelHolder models;
    private final OnlineStore store;
    private final List<AutoCloseable> logs;

    private ServingServer(ApiServer api, ModelHolder models, OnlineStore store, List<AutoCloseable> logs) {
        this.api = api;
        this.models = models;
        this.store = store;
        this.logs = logs;
    }

    public static ServingServer start(ServingConfig config, PrintStream out) {
        FeatureSpec spec = FeatureSpec.load(config.spec());
        OfferCatalog offers = OfferCatalog.load(config.offers());
        LocalModelRegistry registry = new LocalModelRegistry(config.registry());
        ModelHolder models = new ModelHolder(registry, config.modelName(), spec.hash(), out::println);
        OnlineStore store = null;
        List<AutoCloseable> logs = new ArrayList<>();
        try {
            // the model first: a champion built from other features is the mistake most worth naming
            models.loadChampion();
            BlockCatalog blocks = BlockCatalog.load(config.blocks(), offers);
            BlockPolicies policies = new BlockPolicies(blocks, offers, spec);
            ExperimentsConfig experiments = experiments(config, policies, offers);
            Assigner assigner = new Assigner(experiments);
            out.printf("model %s %s (champion of %s)%n", config.modelName(), models.current().version(),
                    config.registry());
            store = config.store().open();
            loadSnapshotIfEmpty(store, config, spec, out);
            LongSupplier clock = clock(config, spec);
            EventApplier applier = new EventApplier(store, spec, offers);
            // reads through the applier see events staged by the ingestor before they are applied (read-your-writes)
            OnlineFeatures features = new OnlineFeatures(store, spec, offers, config.store().staleAfter(),
                    Duration.ofSeconds(30), Clock.systemUTC(), applier);
            Metrics metrics = new Metrics();
            modelInfo(metrics, config.modelName(), models);
            OnlineStore opened = store;
            // applied events must be in the store file, with their log position, before the ingestor checkpoints them
            EventIngestor ingestor = EventIngestor.open(config.logDir().resolve("events"), opened::category,
                    new StoreEventSink(applier, opened), Clock.systemUTC());
            logs.add(ingestor);
            refuseRetentionShorterThanCaps(config, policies.longestCapDays());
            DecisionLog decisionLog = DecisionLog.open(config.logDir().resolve("decisions"));
            logs.add(decisionLog);
            DecisionWriter decisionWriter = new DecisionWriter(decisionLog);
            logs.add(0, decisionWriter);
            decisionLogMetrics(metrics, decisionWriter);
            ExposureCounter exposures = exposuresFrom(decisionLog, policies.longestCapDays(), clock);
            // stopped first on close, so that no retention run meets a closed log
            logs.add(0, maintenance(exposures, decisionLog, config.decisionRetention(), clock,
                    metrics.counter("decisions_deleted_total", "Decisions deleted from the decision log by its"
                            + " retention (logs.decision_retention_days)")));
            DecisionEngine engine = new DecisionEngine(spec, offers, store::category, models,
                    new StoreFeatureSource(features), exposures, scoringTimer(metrics));
            List<Route> routes = new ArrayList<>();
            ExperimentDecider decider = new ExperimentDecider(engine, assigner,
                    armRules(experiments, policies, spec, offers));
            routes.addAll(new OffersRoutes(decider::decide, policies, new BlockRenderer(),
                    decisionMetrics(metrics).andThen(d -> decisionWriter.accept(DecisionRecords.of(d, clock))),
                    clock, metrics).routes());
            routes.addAll(new EventsRoutes(ingestor, metrics).routes());
            routes.addAll(new CustomersRoutes(applier, ingestor, decisionLog, decisionWriter, exposures).routes());
            routes.addAll(new ModelsRoutes(registry, config.modelName(), models).routes());
            // a report counts every decision served before it: the writer's queue and linger are flushed first
            Supplier<List<Exposure>> exposuresSoFar = () -> {
                decisionWriter.flush();
                return ExperimentLogs.exposures(decisionLog);
            };
            routes.addAll(new ExperimentsRoutes(assigner, exposuresSoFar, () -> ExperimentLogs.outcomes(ingestor),
                    clock).routes());
            ReadinessCheck readiness = () -> models.currentIfLoaded().isPresent() ? Optional.empty()
                    : Optional.of("no model loaded");
            ApiServer api = ApiServer.create(config.server(), routes, metrics, readiness).start();
            models.watch(config.watchEvery());
            out.printf("listening on port %d (blocks %s)%n", api.port(), policies.ids());
            return new ServingServer(api, models, store, logs);
        } catch (RuntimeException e) {
            logs.forEach(ServingServer::closeQuietly);
            models.close();
            if (store != null) {
                closeQuietly(store);
            }
            throw e;
        }
    }

    /** experiments.yaml, checked against the blocks and offers; none when the config names no file. */
    private static ExperimentsConfig experiments(ServingConfig config, BlockPolicies policies, OfferCatalog offers) {
        if (config.experiments() == null) {
            return ExperimentsConfig.NONE;
        }
        return ExperimentsConfigLoader.load(config.experiments(), id -> policies.policy(id).isPresent(),
                id -> offers.offer(OfferId.of(id)).isPresent());
    }

    /**
     * The rules of every rules arm: its own file (compiled against the spec and catalog like a block's), else its
     * block's; a rules arm on a block without rules must name a file.
     */
    private static Map<String, RuleSet> armRules(ExperimentsConfig experiments, BlockPolicies policies,
                                                 FeatureSpec spec, OfferCatalog offers) {
        Map<String, RuleSet> rules = new HashMap<>();
        for (ExperimentSpec experiment : experiments.experiments()) {
            for (ArmSpec arm : experiment.arms()) {
                if (!"rules".equals(arm.strategyName())) {
                    continue;
                }
                Optional<RuleSet> own = arm.rules().map(path -> RuleSet.load(path, spec, offers));
                Optional<RuleSet> block = policies.policy(experiment.block()).orElseThrow().rules();
                RuleSet chosen = own.or(() -> block).orElseThrow(() -> new IllegalArgumentException("experiment "
                        + experiment.name() + ", arm " + arm.name() + " uses the rules strategy, but block "
                        + experiment.block() + " names no rules file: give the arm one (rules: rules.yaml)"));
                rules.put(ExperimentDecider.armKey(experiment, arm), chosen);
            }
        }
        return rules;
    }

    private static void loadSnapshotIfEmpty(OnlineStore store, ServingConfig config, FeatureSpec spec,
                                            PrintStream out) {
        Optional<String> stored = store.specHash();
        if (stored.isPresent() && !stored.get().equals(spec.hash())) {
            throw new IllegalArgumentException("the online store " + config.store() + " holds features of spec "
                    + stored.get().substring(0, 12) + ", but " + config.spec() + " is " + spec.hash().substring(0, 12)
                    + ": point store.path at a new file (or flush the Redis prefix) and restart to load "
                    + config.onlineSnapshot());
        }
        if (store.customerCount() > 0 && !config.reloadSnapshot()) {
            out.printf("online store: %,d customers, %,d offers%n", store.customerCount(), store.offerCount());
            return;
        }
        long started = System.nanoTime();
        LoadSummary loaded = store.bulkLoad(OnlineSnapshot.open(config.onlineSnapshot(), spec));
        out.printf("online store: loaded %,d customers, %,d offers, %,d products from %s in %.1f s%n",
                loaded.customers(), loaded.offers(), loaded.products(), config.onlineSnapshot(),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Frequency caps count what was shown: the decision log's chosen offers within the longest cap window, replayed at
     * start.
     */
    private static ExposureCounter exposuresFrom(DecisionLog decisionLog, int horizonDays, LongSupplier clock) {
        ExposureCounter exposures = new ExposureCounter(horizonDays);
        if (horizonDays == 0) {
            return exposures;
        }
        long oldest = clock.getAsLong() - Duration.ofDays(horizonDays).toNanos() / 1000;
        decisionLog.replayAfter(oldest, record -> {
            long micros = Window.micros(record.time());
            if (!record.erased() && micros > oldest) {
                record.chosen().forEach(offer -> exposures.record(record.customerId(), offer, micros));
            }
        });
        return exposures;
    }

    /**
     * Caps are counted from the decision log after a restart, so the log must keep at least the longest cap window.
     */
    private static void refuseRetentionShorterThanCaps(ServingConfig config, int longestCapDays) {
        Duration retention = config.decisionRetention();
        if (retention != null && retention.toDays() < longestCapDays) {
            throw new IllegalArgumentException(config.origin() + ": logs.decision_retention_days ("
                    + retention.toDays() + ") is shorter than the longest frequency cap window of the blocks ("
                    + longestCapDays + " days); caps are counted from the decision log after a restart, so keep at"
                    + " least " + longestCapDays + " days");
        }
    }

    /**
     * Every hour, on one background thread stopped on close: drops the customers whose exposures all left the longest
     * cap window, and, with a retention, deletes the decisions older than it (from the start, too).
     */
    private static AutoCloseable maintenance(ExposureCounter exposures, DecisionLog decisionLog, Duration retention,
                                             LongSupplier clock, Counter deletedDecisions) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "nbo-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(reported("dropping expired frequency-cap exposures",
                () -> exposures.forgetBefore(clock.getAsLong())), 1, 1, TimeUnit.HOURS);
        if (retention != null) {
            scheduler.scheduleWithFixedDelay(reported("deleting decisions older than the retention", () -> {
                long cutoff = clock.getAsLong() - TimeUnit.DAYS.toMicros(retention.toDays()); // saturates
                long deleted = decisionLog.deleteBefore(cutoff);
                deletedDecisions.inc(deleted);
                if (deleted > 0) {
                    LOG.log(System.Logger.Level.INFO, "decision log retention: deleted {0} decisions made before {1}",
                            deleted, Instant.EPOCH.plus(cutoff, ChronoUnit.MICROS));
                }
            }), 0, 1, TimeUnit.HOURS);
        }
        return () -> {
            scheduler.shutdownNow();
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "maintenance did not stop within 30 s");
            }
        };
    }

    /** A scheduled task that reports its failures: a task that throws is never run again. */
    private static Runnable reported(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, what + " failed", e);
            }
        };
    }

    /** The decisions waiting for the decision log, read at each scrape: a growing backlog is a disk falling behind. */
    private static void decisionLogMetrics(Metrics metrics, DecisionWriter writer) {
        GaugeWithCallback.builder().name(Metrics.PREFIX + "decision_log_backlog")
                .help("Decisions served and not yet written to the decision log")
                .callback(gauge -> gauge.call(writer.backlog()))
                .register(metrics.registry());
    }

    /** {@code nbo_model_info{model, version} 1} for the version deciding now, read at each scrape: it follows swaps. */
    private static void modelInfo(Metrics metrics, String modelName, ModelHolder models) {
        GaugeWithCallback.builder().name(Metrics.PREFIX + "model_info")
                .help("The registered model version serving decisions (always 1; the version is the label)")
                .labelNames("model", "version")
                .callback(gauge -> models.currentIfLoaded().ifPresent(m -> gauge.call(1, modelName, m.version())))
                .register(metrics.registry());
    }

    /** The ONNX Runtime calls' latency (encoding included) and the rows they scored, by model. */
    private static ScoringTimer scoringTimer(Metrics metrics) {
        Histogram seconds = metrics.histogram("model_scoring_seconds",
                "Time of one ONNX Runtime call of a decision, by model (propensity: all candidates in one batch;"
                        + " segments: the customer)", "model");
        Counter rows = metrics.counter("model_scored_rows_total", "Rows scored by ONNX Runtime, by model", "model");
        Counter cpu = metrics.counter("model_scoring_cpu_seconds_total",
                "CPU time of the request threads in ONNX Runtime calls, by model", "model");
        return (model, scored, nanos, cpuNanos) -> {
            seconds.labelValues(model).observe(nanos / 1e9);
            rows.labelValues(model).inc(scored);
            cpu.labelValues(model).inc(cpuNanos / 1e9);
        };
    }

    private static Consumer<Decision> decisionMetrics(Metrics metrics) {
        Counter decisions = metrics.counter("decisions_total", "Decisions served, by block, strategy and fallback",
                "block", "strategy", "fallback");
        Counter features = metrics.counter("served_features_total",
                "Feature values of explained decisions, by status (present, default, missing, stale)", "status");
        Counter stale = metrics.counter("stale_decisions_total", "Decisions made on data older than stale_after");
        Counter arms = metrics.counter("experiment_decisions_total",
                "Decisions made in experiments, by experiment and arm (watch the split live)", "experiment", "arm");
        return decision -> {
            if (decision.experiment() != null) {
                arms.labelValues(decision.experiment().experiment(), decision.experiment().arm()).inc();
            }
            decisions.labelValues(decision.block(), decision.strategy().wireName(),
                    decision.fallback() == null ? "none" : decision.fallback()).inc();
            if (decision.stale()) {
                stale.inc();
            }
            decision.features().values().forEach(v -> features.labelValues(decision.stale()
                    && v.status() == dev.nbo.models.aggregate.FeatureStatus.PRESENT ? "stale"
                    : v.status().name().toLowerCase(java.util.Locale.ROOT)).inc());
        };
    }

    private static LongSupplier clock(ServingConfig config, FeatureSpec spec) {
        if (!config.snapshotClock()) {
            return ServingServer::nowMicros;
        }
        long offset = OnlineSnapshot.open(config.onlineSnapshot(), spec).manifest().asOfMicros() - nowMicros();
        return () -> nowMicros() + offset;
    }

    static long nowMicros() {
        return Window.micros(Instant.now());
    }

    public int port() {
        return api.port();
    }

    public ModelHolder models() {
        return models;
    }

    @Override
    public void close() {
        api.close();
        logs.forEach(ServingServer::closeQuietly);
        models.close();
        closeQuietly(store);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after a failure: the first error is the one to report
        }
    }
}
