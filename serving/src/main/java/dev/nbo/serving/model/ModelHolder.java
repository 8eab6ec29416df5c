package dev.nbo.serving.model;

import dev.nbo.models.registry.Champion;
import dev.nbo.models.registry.LocalModelRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The model requests score with, swapped atomically when the registry's champion changes. A request reads the
 * reference once and keeps that model for its whole decision; the replaced model is closed only after a grace period
 * longer than any request, so a swap never fails a request in flight.
 */
public final class ModelHolder implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final LocalModelRegistry registry;
    private final String modelName;
    private final String specHash;
    private final AtomicReference<ServingModel> current = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "nbo-model-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<String> log;

    public ModelHolder(LocalModelRegistry registry, String modelName, String specHash, Consumer<String> log) {
        this.registry = registry;
        this.modelName = modelName;
        this.specHash = specHash;
        this.log = log;
    }

    /** Loads the champion; refuses to start without one, saying how to make one. */
    public ServingModel loadChampion() {
        ServingModel model = ServingModel.load(registry.loadChampion(modelName, specHash));
        swap(model);
        return model;
    }

    public ServingModel current() {
        ServingModel model = current.get();
        if (model == null) {
            throw new IllegalStateException("no model loaded yet");
        }
        return model;
    }

    public Optional<ServingModel> currentIfLoaded() {
        return Optional.ofNullable(current.get());
    }

    /** Loads {@code version} (verified) and makes it the one requests use. */
    public ServingModel load(String version) {
        ServingModel model = ServingModel.load(registry.load(modelName, version, specHash));
        swap(model);
        return model;
    }

    /** Checks the registry's champion and swaps it in when it changed; a broken new champion keeps the old one. */
    public void refresh() {
        Optional<Champion> champion = registry.champion(modelName);
        ServingModel model = current.get();
        if (champion.isEmpty() || (model != null && model.version().equals(champion.get().version()))) {
            return;
        }
        try {
            load(champion.get().version());
            log.accept("serving the new champion " + champion.get().version());
        } catch (RuntimeException e) {
            log.accept("the new champion " + champion.get().version() + " cannot be loaded, still serving "
                    + (model == null ? "nothing" : model.version()) + ": " + e.getMessage());
        }
    }

    /** Polls the registry every {@code interval}. */
    public void watch(Duration interval) {
        timer.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void swap(ServingModel model) {
        ServingModel old = current.getAndSet(model);
        if (old != null && old != model) {
            timer.schedule(old::close, GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        ServingModel model = current.getAndSet(null);
        if (model != null) {
            model.close();
        }
    }
}
