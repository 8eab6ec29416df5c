package dev.nbo.serving.experiment;

import dev.nbo.experiments.attribution.Exposure;
import dev.nbo.experiments.attribution.Outcome;
import dev.nbo.experiments.attribution.OutcomeType;
import dev.nbo.models.warehouse.EventType;
import dev.nbo.serving.ingest.Event;
import dev.nbo.serving.ingest.EventIngestor;
import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads an experiment's exposures from the decision log and its outcomes from the event log. */
public final class ExperimentLogs {
    private ExperimentLogs() {
    }

    /** The decisions made in experiments, oldest first; erased customers' decisions are left out. */
    public static List<Exposure> exposures(DecisionLog log) {
        List<Exposure> exposures = new ArrayList<>();
        log.replay(record -> exposure(record).ifPresent(exposures::add));
        return exposures;
    }

    static Optional<Exposure> exposure(DecisionRecord record) {
        if (record.experiment() == null || record.erased()) {
            return Optional.empty();
        }
        return Optional.of(new Exposure(record.requestId(), record.customerId(), record.time(), record.experiment(),
                record.experimentArm(), record.armProbability(), record.override(), record.chosen(),
                record.policyChoices()));
    }

    /** The opens, clicks and purchases of the event log, in log order. */
    public static List<Outcome> outcomes(EventIngestor events) {
        List<Outcome> outcomes = new ArrayList<>();
        events.forEachEvent(event -> outcome(event).ifPresent(outcomes::add));
        return outcomes;
    }

    static Optional<Outcome> outcome(Event event) {
        OutcomeType type = event.type() == EventType.EMAIL_OPEN ? OutcomeType.OPEN
                : event.type() == EventType.EMAIL_CLICK ? OutcomeType.CLICK
                : event.type() == EventType.PURCHASE ? OutcomeType.PURCHASE : null;
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(event.eventId(), event.customerId(),
                ExperimentDecider.instant(event.timeMicros()), type, event.requestId(), event.offerId(),
                event.revenue() == null ? 0 : event.revenue()));
    }
}
