package dev.nbo.experiments.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One served decision of an experiment, as the decision log holds it.
 *
 * @param offers        the offers shown, in rank order
 * @param policyChoices arm → the first offer that arm's policy chose for this request (null = it would show none)
 */
public record Exposure(String requestId, String customerId, Instant time, String experiment, String arm,
                       double armProbability, boolean override, List<String> offers,
                       Map<String, String> policyChoices) {
    public Exposure {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(time, "time");
        offers = List.copyOf(offers);
        policyChoices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policyChoices));
    }
}
