package dev.nbo.experiments.stats;

import java.util.Map;

/**
 * Off-policy estimates of the mean reward a target policy would have earned, from decisions logged under a randomized
 * assignment. Decision {@code i} showed action {@code s_i} and earned {@code r_i}; arm {@code b} was assigned with
 * probability {@code p_b} and its policy would have taken {@code a_b}.
 * <pre>
 *   logging propensity  mu_i = sum over b of p_b 1[a_b = s_i]
 *   weight              w_i  = 1[a_target = s_i] / mu_i
 *   IPS   = mean(r_i w_i),                      CI = IPS +- z sd(r w) / sqrt(n)
 *   SNIPS = sum(r_i w_i) / sum(w_i),            CI = SNIPS +- z sqrt(V),
 *   V     = (1/n) mean((w_i (r_i - SNIPS))^2) / mean(w_i)^2                     (delta method)
 *   effective sample size = (sum w)^2 / sum w^2
 * </pre>
 * Assumptions: the logged probabilities are the true ones, every action the target could take had a positive
 * logging probability (true here, as the target is one of the logged arms) and rewards do not depend on which arm's
 * policy chose the action shown.
 */
public final class OffPolicyEstimator {
    private OffPolicyEstimator() {
    }

    /**
     * @param ips                   null when there are no decisions
     * @param ipsInterval           null for fewer than 2 decisions
     * @param snips                 null when no decision matches the target
     * @param snipsInterval         null when no decision matches the target
     * @param effectiveSampleSize   0 when no decision matches
     */
    public record Estimate(long n, long matched, Double ips, Interval ipsInterval, Double snips,
                           Interval snipsInterval, double effectiveSampleSize) {
    }

    /** {@code mu = sum over arms b of p_b 1[action_b = shown]}; an arm missing from the actions counts as no match. */
    public static double propensity(String shownAction, Map<String, String> policyActions,
                                    Map<String, Double> armProbabilities) {
        double mu = 0;
        for (Map.Entry<String, Double> arm : armProbabilities.entrySet()) {
            if (shownAction.equals(policyActions.get(arm.getKey()))) {
                mu += arm.getValue();
            }
        }
        return mu;
    }

    public static Estimate estimate(double[] rewards, double[] weights, double confidence) {
        if (rewards.length != weights.length) {
            throw new IllegalArgumentException("rewards and weights differ in length: " + rewards.length + " vs "
                    + weights.length);
        }
        int n = rewards.length;
        if (n == 0) {
            return new Estimate(0, 0, null, null, null, null, 0);
        }
        double z = CriticalValues.z(confidence);
        RunningMoments weighted = new RunningMoments();
        double sumW = 0;
        double sumW2 = 0;
        double sumRw = 0;
        long matched = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i]) || !Double.isFinite(rewards[i])) {
                throw new IllegalArgumentException("decision " + i + ": weight must be finite and >= 0 and reward "
                        + "finite, got weight " + weights[i] + " and reward " + rewards[i]);
            }
            weighted.add(rewards[i] * weights[i]);
            sumW += weights[i];
            sumW2 += weights[i] * weights[i];
            sumRw += rewards[i] * weights[i];
            if (weights[i] > 0) {
                matched++;
            }
        }
        SampleMoments rw = weighted.moments();
        double ips = rw.mean();
        Interval ipsInterval = null;
        if (n >= 2) {
            double half = z * Math.sqrt(rw.varianceOfMean());
            ipsInterval = new Interval(ips - half, ips + half);
        }
        if (sumW == 0) {
            return new Estimate(n, 0, ips, ipsInterval, null, null, 0);
        }
        double snips = sumRw / sumW;
        double meanW = sumW / n;
        double meanSquaredResidual = 0;
        for (int i = 0; i < n; i++) {
            double residual = weights[i] * (rewards[i] - snips);
            meanSquaredResidual += residual * residual;
        }
        meanSquaredResidual /= n;
        double half = z * Math.sqrt(meanSquaredResidual / (meanW * meanW) / n);
        return new Estimate(n, matched, ips, ipsInterval, snips, new Interval(snips - half, snips + half),
                sumW * sumW / sumW2);
    }
}
