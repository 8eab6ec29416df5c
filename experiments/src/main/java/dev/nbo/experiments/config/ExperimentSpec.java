package dev.nbo.experiments.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One experiment of experiments.yaml: a block whose customers are split between arms from {@code start} (inclusive)
 * to {@code end} (exclusive).
 *
 * @param salt      mixed into the assignment hash: a new salt reshuffles customers for a new experiment
 * @param control   the name of the arm every other arm is compared against
 * @param overrides customer id → arm: test profiles forced into an arm (previews); left out of reports
 */
public record ExperimentSpec(String name, String block, String salt, Instant start, Instant end, List<ArmSpec> arms,
                             String control, Map<String, String> overrides) {
    public ExperimentSpec {
        arms = List.copyOf(arms);
        overrides = Map.copyOf(overrides);
    }

    /** True when {@code time} is within [start, end). */
    public boolean isRunningAt(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    public Optional<ArmSpec> arm(String armName) {
        return arms.stream().filter(a -> a.name().equals(armName)).findFirst();
    }

    /** The sum of the arms' weights. */
    public double totalWeight() {
        return arms.stream().mapToDouble(ArmSpec::weight).sum();
    }

    /** The arm's share of the experiment's (not held-out, not overridden) customers: its weight over the total. */
    public double share(String armName) {
        return arm(armName).map(a -> a.weight() / totalWeight()).orElseThrow(
                () -> new IllegalArgumentException("experiment " + name + " has no arm " + armName));
    }
}
