package dev.nbo.serving.log;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One served decision, as the decision log keeps it for reports and retraining (the wiring maps
 * {@code dev.nbo.serving.decision.Decision} to it, adding the time and the experiment arm).
 *
 * @param requestId     the id of the request that asked for it
 * @param time          when it was served
 * @param customerId    who it was for; null only in a decision read back after {@link DecisionLog#erase}
 * @param block         the e-mail block it filled
 * @param strategy      how it was decided, e.g. {@code model}, {@code rules}, {@code control}
 * @param experimentArm the experiment arm the customer fell in, null outside experiments
 * @param candidates    every candidate offer with its score, in ranking order
 * @param chosen        the offers served, in order (their rank is their position + 1)
 * @param modelVersion  the model that scored the candidates, null when no model did (rules, control)
 * @param experiment    the experiment the decision was made in, null outside experiments
 * @param armProbability the arm's assignment probability, null outside experiments
 * @param override      the customer was forced into the arm (a test profile)
 * @param policyChoices arm → the first offer that arm's policy chose for this request; empty outside experiments
 */
public record DecisionRecord(String requestId, Instant time, String customerId, String block, String strategy,
                             String experimentArm, List<ScoredOffer> candidates, List<String> chosen,
                             String modelVersion, String experiment, Double armProbability, boolean override,
                             Map<String, String> policyChoices) {
    public DecisionRecord {
        requireText("request id", requestId);
        Objects.requireNonNull(time, "time");
        requireText("block", block);
        requireText("strategy", strategy);
        candidates = List.copyOf(candidates);
        chosen = List.copyOf(chosen);
        policyChoices = Collections.unmodifiableMap(new LinkedHashMap<>(policyChoices));
        if ((experiment == null) != (experimentArm == null) || (experiment == null) != (armProbability == null)) {
            throw new IllegalArgumentException("decision " + requestId + " needs an experiment, an arm and its"
                    + " probability together, or none of them");
        }
    }

    /** A decision outside experiments. */
    public DecisionRecord(String requestId, Instant time, String customerId, String block, String strategy,
                          List<ScoredOffer> candidates, List<String> chosen, String modelVersion) {
        this(requestId, time, customerId, block, strategy, null, candidates, chosen, modelVersion, null, null, false,
                Map.of());
    }

    /** True for a decision whose customer was erased (GDPR): the customer id is gone, the rest kept. */
    public boolean erased() {
        return customerId == null;
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a decision needs a " + what + "; got " + (value == null ? "null"
                    : "'" + value + "'"));
        }
    }
}
