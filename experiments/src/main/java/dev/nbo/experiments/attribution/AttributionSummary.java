package dev.nbo.experiments.attribution;

import java.util.Map;

/**
 * How the exposures and outcomes of one experiment were counted; shown in the report so that a marketer sees what
 * was left out and why.
 *
 * @param units             customers compared (neither held out nor overridden), by arm in the experiment's order
 * @param holdoutCustomers  customers of the global holdout (served the control's treatment, not compared)
 * @param overrideCustomers test profiles forced into an arm (not compared)
 * @param armSwitches       customers seen in more than one arm (the config changed mid-experiment): kept in their
 *                          first arm
 * @param byRequestId       outcomes credited through their request id
 * @param byWindow          outcomes credited to the customer's latest exposure within the attribution window
 * @param unattributed      outcomes of the experiment's customers credited to no exposure (before any, after the
 *                          window, or a request id of another customer)
 */
public record AttributionSummary(long exposures, Map<String, Long> units, long holdoutCustomers,
                                 long overrideCustomers, long armSwitches, long byRequestId, long byWindow,
                                 long unattributed) {
    public AttributionSummary {
        units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
    }
}
