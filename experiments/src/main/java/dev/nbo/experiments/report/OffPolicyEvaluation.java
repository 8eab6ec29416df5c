package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.OffPolicyResult;
import dev.nbo.experiments.stats.Interval;
import dev.nbo.experiments.stats.OffPolicyEstimator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Off-policy estimates for each arm's policy from the logged decisions: weights {@code 1[action_a = shown] / mu}
 * with {@code mu} the logging propensity of the shown action, then IPS and SNIPS ({@link OffPolicyEstimator}). A
 * decision whose shown action no arm with positive probability would show has {@code mu = 0}: it cannot have been
 * logged by this assignment, so the log is refused.
 */
final class OffPolicyEvaluation {
    private OffPolicyEvaluation() {
    }

    static List<OffPolicyResult> evaluate(List<LoggedDecision> decisions, List<String> arms, double confidence) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        int n = decisions.size();
        double[] rewards = new double[n];
        double[] propensities = new double[n];
        for (int i = 0; i < n; i++) {
            LoggedDecision decision = decisions.get(i);
            rewards[i] = decision.reward();
            propensities[i] = OffPolicyEstimator.propensity(decision.shownAction(), decision.policyActions(),
                    decision.armProbabilities());
            if (propensities[i] <= 0) {
                throw new IllegalArgumentException("logged decision " + i + ": shown action '"
                        + decision.shownAction() + "' is not the action of any arm with a positive assignment "
                        + "probability (logging propensity 0), so it cannot come from this experiment; arms would "
                        + "show " + decision.policyActions() + " with probabilities " + decision.armProbabilities());
            }
        }
        List<OffPolicyResult> results = new ArrayList<>();
        for (String target : targets(decisions, arms)) {
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                LoggedDecision decision = decisions.get(i);
                String action = decision.policyActions().get(target);
                if (action == null) {
                    throw new IllegalArgumentException("logged decision " + i + " has no action for arm '" + target
                            + "' (it names " + decision.policyActions().keySet() + "); every decision must say what "
                            + "every evaluated arm's policy would show");
                }
                weights[i] = action.equals(decision.shownAction()) ? 1 / propensities[i] : 0;
            }
            OffPolicyEstimator.Estimate estimate = OffPolicyEstimator.estimate(rewards, weights, confidence);
            results.add(new OffPolicyResult(target, estimate.n(), estimate.matched(), estimate.ips(),
                    low(estimate.ipsInterval()), high(estimate.ipsInterval()), estimate.snips(),
                    low(estimate.snipsInterval()), high(estimate.snipsInterval()), estimate.effectiveSampleSize()));
        }
        return results;
    }

    /** The experiment's arms first (in report order), then any other arm the decisions name, alphabetically. */
    private static Set<String> targets(List<LoggedDecision> decisions, List<String> arms) {
        Set<String> named = new TreeSet<>();
        for (LoggedDecision decision : decisions) {
            named.addAll(decision.policyActions().keySet());
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String arm : arms) {
            if (named.contains(arm)) {
                targets.add(arm);
            }
        }
        targets.addAll(named);
        return targets;
    }

    private static Double low(Interval interval) {
        return interval == null ? null : interval.low();
    }

    private static Double high(Interval interval) {
        return interval == null ? null : interval.high();
    }
}
