package dev.nbo.experiments.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One arm of an experiment: how its customers' blocks are decided, and its share of the experiment's traffic.
 *
 * @param name        the arm's name, as the decision log and the report show it
 * @param strategy    {@code model}, {@code rules} or {@code popular}; empty exactly when the arm serves a fixed list
 * @param fixedOffers the offers a fixed (control) arm serves, in order; empty for a strategy arm
 * @param weight      the arm's relative traffic weight, more than 0 (weights need not sum to 1)
 * @param rules       a {@code rules} arm's own rules file (resolved against experiments.yaml's folder); empty = the
 *                    block's rules
 */
public record ArmSpec(String name, Optional<String> strategy, List<String> fixedOffers, double weight,
                      Optional<Path> rules) {
    public ArmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(rules, "rules");
        if (rules.isPresent() && !strategy.equals(Optional.of("rules"))) {
            throw new IllegalArgumentException("arm " + name + " names a rules file but its strategy is not rules");
        }
        fixedOffers = List.copyOf(fixedOffers);
        if (strategy.isPresent() == !fixedOffers.isEmpty()) {
            throw new IllegalArgumentException("arm " + name + " needs either a strategy or a fixed offer list");
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("arm " + name + " needs a weight above 0; got " + weight);
        }
    }

    /** An arm without its own rules file. */
    public ArmSpec(String name, Optional<String> strategy, List<String> fixedOffers, double weight) {
        this(name, strategy, fixedOffers, weight, Optional.empty());
    }

    /** True for an arm that serves the same listed offers to everyone (the usual control). */
    public boolean isFixed() {
        return strategy.isEmpty();
    }

    /** What the arm does, as the decision log's {@code strategy} names it: the strategy, or {@code fixed}. */
    public String strategyName() {
        return strategy.orElse("fixed");
    }
}
