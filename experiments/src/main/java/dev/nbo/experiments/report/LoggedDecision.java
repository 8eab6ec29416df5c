package dev.nbo.experiments.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One decision logged under randomized assignment, for off-policy evaluation: the action shown, the reward it earned,
 * the action each arm's policy would have taken for this customer and each arm's assignment probability (summing
 * to 1). Every arm with a probability must name its action.
 */
public record LoggedDecision(String shownAction, double reward, Map<String, String> policyActions,
                             Map<String, Double> armProbabilities) {
    private static final double PROBABILITY_SUM_TOLERANCE = 1e-6;

    public LoggedDecision {
        if (shownAction == null || shownAction.isBlank()) {
            throw new IllegalArgumentException("logged decision needs a shown action, got '" + shownAction + "'");
        }
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward must be finite, got " + reward);
        }
        policyActions = Collections.unmodifiableMap(new TreeMap<>(policyActions));
        armProbabilities = Collections.unmodifiableMap(new TreeMap<>(armProbabilities));
        double sum = 0;
        for (Map.Entry<String, Double> arm : armProbabilities.entrySet()) {
            Double p = arm.getValue();
            if (p == null || !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("assignment probability of arm '" + arm.getKey()
                        + "' must be in [0, 1], got " + p);
            }
            if (!policyActions.containsKey(arm.getKey())) {
                throw new IllegalArgumentException("arm '" + arm.getKey() + "' has a probability but no policy "
                        + "action; actions are given for " + policyActions.keySet());
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
            throw new IllegalArgumentException("assignment probabilities must sum to 1, got " + sum + " in "
                    + armProbabilities);
        }
    }
}
