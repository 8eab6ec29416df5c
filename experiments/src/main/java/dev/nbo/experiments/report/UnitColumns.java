package dev.nbo.experiments.report;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns of a file make a {@link UnitTable}: the arm, the metrics (some binary), and optionally a pre-period
 * covariate and the time each unit entered.
 *
 * @param covariate null when there is none
 * @param time      null when there is none
 */
public record UnitColumns(String arm, List<String> metrics, Set<String> binary, String covariate, String time) {
    public UnitColumns {
        if (arm == null || arm.isBlank()) {
            throw new IllegalArgumentException("the arm column must be named, got '" + arm + "'");
        }
        metrics = List.copyOf(metrics);
        binary = Collections.unmodifiableSet(new LinkedHashSet<>(binary));
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("at least one metric column must be named");
        }
        for (String name : binary) {
            if (!metrics.contains(name)) {
                throw new IllegalArgumentException("binary metric '" + name + "' is not one of the metrics "
                        + metrics);
            }
        }
    }
}
