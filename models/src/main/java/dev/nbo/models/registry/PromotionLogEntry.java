package dev.nbo.models.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One line of {@code promotions.jsonl}: a promotion decision about {@code version}, kept so that "why is this the
 * champion, and why not that one?" has an answer later.
 *
 * @param decision       {@code promoted} or {@code kept} (kept as a candidate)
 * @param policy         {@code auto}, {@code never}, {@code force}, or {@code manual} for a direct promotion
 * @param metric         the gate's metric, null for a manual promotion
 * @param candidateValue the candidate's value of the metric, null when unknown
 * @param championSameHoldout whether the champion's value was measured on the candidate's holdout; null when there
 *                            was no champion value
 */
public record PromotionLogEntry(
        @JsonProperty("time") Instant time,
        @JsonProperty("version") String version,
        @JsonProperty("decision") String decision,
        @JsonProperty("policy") String policy,
        @JsonProperty("reason") String reason,
        @JsonProperty("metric") String metric,
        @JsonProperty("candidate_value") Double candidateValue,
        @JsonProperty("champion_version") String championVersion,
        @JsonProperty("champion_value") Double championValue,
        @JsonProperty("champion_same_holdout") Boolean championSameHoldout) {

    public static final String PROMOTED = "promoted";
    public static final String KEPT = "kept";

    public PromotionLogEntry {
        if (time == null) {
            throw new IllegalArgumentException("time is required");
        }
        RegistryNames.checkVersion(version);
        if (!PROMOTED.equals(decision) && !KEPT.equals(decision)) {
            throw new IllegalArgumentException("decision must be " + PROMOTED + " or " + KEPT + ", got '" + decision
                    + "'");
        }
        if (policy == null || policy.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("policy and reason are required, got '" + policy + "' and '" + reason
                    + "'");
        }
    }

    static PromotionLogEntry manual(Instant time, Champion champion) {
        return new PromotionLogEntry(time, champion.version(), PROMOTED, "manual", champion.reason(), null, null,
                null, null, null);
    }

    static PromotionLogEntry of(Instant time, PromotionDecision decision) {
        ChampionScore champion = decision.champion().orElse(null);
        return new PromotionLogEntry(time, decision.candidateVersion(), decision.promote() ? PROMOTED : KEPT,
                decision.policy().wireName(), decision.reason(), decision.metric(),
                decision.candidateValue().isPresent() ? decision.candidateValue().getAsDouble() : null,
                champion == null ? null : champion.version(), champion == null ? null : champion.value(),
                champion == null ? null : champion.sameHoldout());
    }
}
