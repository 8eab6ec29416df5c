package dev.nbo.experiments.attribution;

import dev.nbo.experiments.report.LoggedDecision;
import dev.nbo.experiments.report.UnitTable;
import java.util.List;

/**
 * An experiment's customers as report units, its randomized decisions for off-policy evaluation, and how they were
 * counted.
 */
public record AttributedExperiment(UnitTable units, List<LoggedDecision> decisions, AttributionSummary summary) {
    public AttributedExperiment {
        decisions = List.copyOf(decisions);
    }
}
