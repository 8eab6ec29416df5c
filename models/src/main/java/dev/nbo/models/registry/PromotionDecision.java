package dev.nbo.models.registry;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the gate decided about a candidate, with a reason written for the person who later asks "why is this (not)
 * the champion?".
 *
 * @param candidateValue the candidate's value of {@code metric}; empty when the manifest lacks it (NEVER, FORCE)
 * @param champion       the champion's value the candidate was compared with; empty when there was none
 */
public record PromotionDecision(
        boolean promote,
        PromotionPolicy policy,
        String reason,
        String metric,
        String candidateVersion,
        OptionalDouble candidateValue,
        Optional<ChampionScore> champion) {

    public PromotionDecision {
        if (policy == null || metric == null || candidateValue == null || champion == null) {
            throw new IllegalArgumentException("policy, metric, candidateValue and champion are required (use empty"
                    + " optionals for absent values)");
        }
        RegistryNames.checkVersion(candidateVersion);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a promotion decision needs a reason, got '" + reason + "'");
        }
    }
}
