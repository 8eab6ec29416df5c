package dev.nbo.experiments.assign;

import dev.nbo.experiments.config.ArmSpec;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.config.ExperimentsConfig;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Deterministic, sticky, uniform assignment of customers to arms. For a block with a running experiment:
 * <ol>
 *   <li>a customer listed in the experiment's overrides gets that arm (probability 1);</li>
 *   <li>a customer whose holdout hash {@code UnitHash(holdoutSalt, id)} is below the holdout percentage is in the
 *       global holdout ({@link Assignment#HOLDOUT}), the same customers for every experiment;</li>
 *   <li>otherwise u = {@code UnitHash(salt, id)} picks the arm whose cumulative weight share first exceeds u, the arms
 *       taken in file order.</li>
 * </ol>
 * Nothing is stored: the same config gives the same arm on every server and after every restart.
 */
public final class Assigner {
    private final ExperimentsConfig config;

    public Assigner(ExperimentsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ExperimentsConfig config() {
        return config;
    }

    /** The assignment of {@code customerId} on {@code block} at {@code time}; empty when no experiment runs there. */
    public Optional<Assignment> assign(String block, String customerId, Instant time) {
        return config.runningOn(block, time).map(experiment -> assign(experiment, customerId));
    }

    /** The assignment of {@code customerId} in {@code experiment}, whether or not it is running. */
    public Assignment assign(ExperimentSpec experiment, String customerId) {
        String forced = experiment.overrides().get(customerId);
        if (forced != null) {
            return new Assignment(experiment.name(), forced, 1.0, true);
        }
        double holdout = config.holdoutPercent() / 100;
        if (holdout > 0 && UnitHash.of(config.holdoutSalt(), customerId) < holdout) {
            return new Assignment(experiment.name(), Assignment.HOLDOUT, holdout, false);
        }
        double u = UnitHash.of(experiment.salt(), customerId);
        double total = experiment.totalWeight();
        double cumulative = 0;
        ArmSpec chosen = experiment.arms().get(experiment.arms().size() - 1);
        for (ArmSpec arm : experiment.arms()) {
            cumulative += arm.weight() / total;
            if (u < cumulative) {
                chosen = arm;
                break;
            }
        }
        return new Assignment(experiment.name(), chosen.name(), chosen.weight() / total, false);
    }
}
