package dev.nbo.experiments.warehouse;

import dev.nbo.experiments.attribution.Exposure;
import dev.nbo.experiments.attribution.Outcome;
import dev.nbo.experiments.attribution.OutcomeType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An experiment's exposures and outcomes read from the exported tables, mapped as serving maps its live logs
 * ({@code dev.nbo.serving.experiment.ExperimentLogs}): decisions of erased customers are left out, and the opens,
 * clicks and purchases of the event log are the outcomes.
 */
public final class ExportedLogs {
    private ExportedLogs() {
    }

    /** The decisions made in {@code experiment}, in table order; erased customers' decisions are left out. */
    public static List<Exposure> exposures(Path warehouse, String experiment) {
        List<Exposure> exposures = new ArrayList<>();
        TableReader.read(ExperimentTable.DECISIONS, warehouse,
                row -> exposure(row).filter(e -> e.experiment().equals(experiment)).ifPresent(exposures::add));
        return exposures;
    }

    static Optional<Exposure> exposure(DecisionRow row) {
        if (row.experiment() == null || row.erased()) {
            return Optional.empty();
        }
        return Optional.of(new Exposure(row.requestId(), row.customerId(), row.time(), row.experiment(), row.arm(),
                row.armProbability(), row.override(), row.offers(), row.policyChoices()));
    }

    /** The opens, clicks and purchases of the {@code email_events} table, in table order. */
    public static List<Outcome> outcomes(Path warehouse) {
        List<Outcome> outcomes = new ArrayList<>();
        TableReader.read(ExperimentTable.EMAIL_EVENTS, warehouse, row -> outcome(row).ifPresent(outcomes::add));
        return outcomes;
    }

    static Optional<Outcome> outcome(EventRow row) {
        return OutcomeType.fromWireName(row.eventType()).map(type -> new Outcome(row.eventId(), row.customerId(),
                row.eventTime(), type, row.requestId(), row.offerId(), row.revenue() == null ? 0 : row.revenue()));
    }
}
