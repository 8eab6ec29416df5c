package dev.nbo.serving.app;

import dev.nbo.models.feature.Window;
import dev.nbo.serving.decision.Decision;
import dev.nbo.serving.decision.ExperimentArm;
import dev.nbo.serving.decision.RankedOffer;
import dev.nbo.serving.log.DecisionRecord;
import dev.nbo.serving.log.ScoredOffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A served decision as the decision log keeps it (for frequency caps, experiments and retraining). */
final class DecisionRecords {
    private DecisionRecords() {
    }

    static DecisionRecord of(Decision decision, LongSupplier clockMicros) {
        long micros = clockMicros.getAsLong();
        // loops, not streams: this runs for every served decision, with 50+ candidates in a wide block
        List<ScoredOffer> candidates = new ArrayList<>(decision.candidates().size());
        decision.candidates().forEach((offer, score) -> {
            if (Double.isFinite(score)) {
                candidates.add(new ScoredOffer(offer, score));
            }
        });
        List<String> chosen = new ArrayList<>(decision.offers().size());
        for (RankedOffer offer : decision.offers()) {
            chosen.add(offer.offer().id().value());
        }
        String strategy = decision.fallback() == null ? decision.strategy().wireName()
                : "fallback:" + decision.fallback();
        Instant time = Window.instant(micros);
        ExperimentArm arm = decision.experiment();
        if (arm == null) {
            return new DecisionRecord(decision.requestId(), time, decision.customerId(), decision.block(), strategy,
                    candidates, chosen, decision.modelVersion());
        }
        return new DecisionRecord(decision.requestId(), time, decision.customerId(), decision.block(), strategy,
                arm.arm(), candidates, chosen, decision.modelVersion(), arm.experiment(), arm.probability(),
                arm.override(), arm.policyChoices());
    }
}
