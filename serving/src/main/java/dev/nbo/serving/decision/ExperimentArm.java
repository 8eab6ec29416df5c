package dev.nbo.serving.decision;

import java.util.Map;

/**
 * The experiment arm a decision was made in, as the decision log records it.
 *
 * @param experiment    the experiment's name
 * @param arm           the arm (or {@code holdout})
 * @param probability   the arm's assignment probability (its weight share; the holdout fraction; 1 for an override)
 * @param override      the customer was forced into the arm (a test profile): left out of reports
 * @param policyChoices arm → the first offer that arm's policy chose for this very request (null when it would show
 *                      nothing), the served arm included: what off-policy evaluation needs
 */
public record ExperimentArm(String experiment, String arm, double probability, boolean override,
                            Map<String, String> policyChoices) {
    public ExperimentArm {
        policyChoices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policyChoices));
    }
}
