package dev.nbo.experiments.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What experiments.yaml says: the experiments, the global holdout and the attribution window. See
 * docs/experiments.md.
 *
 * @param holdoutPercent    the share of all customers (0 to 50) kept out of every experiment, as a long-term baseline
 * @param holdoutSalt       the salt of the holdout hash (independent of every experiment's salt)
 * @param attributionWindow how long after an exposure an outcome without a request id is credited to it
 */
public record ExperimentsConfig(double holdoutPercent, String holdoutSalt, Duration attributionWindow,
                                List<ExperimentSpec> experiments) {
    /** No experiments: every block keeps its own strategy. */
    public static final ExperimentsConfig NONE = new ExperimentsConfig(0, "holdout", Duration.ofDays(7), List.of());

    public ExperimentsConfig {
        experiments = List.copyOf(experiments);
    }

    public Optional<ExperimentSpec> experiment(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The experiment running on {@code block} at {@code time}, if any (the loader forbids overlaps). */
    public Optional<ExperimentSpec> runningOn(String block, Instant time) {
        for (ExperimentSpec experiment : experiments) {
            if (experiment.block().equals(block) && experiment.isRunningAt(time)) {
                return Optional.of(experiment);
            }
        }
        return Optional.empty();
    }
}
