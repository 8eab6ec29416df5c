package dev.nbo.serving.experiment;

import dev.nbo.experiments.assign.Assigner;
import dev.nbo.experiments.assign.Assignment;
import dev.nbo.experiments.config.ArmSpec;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.models.feature.Window;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.serving.decision.BlockPolicy;
import dev.nbo.serving.decision.CustomerReads;
import dev.nbo.serving.decision.Decision;
import dev.nbo.serving.decision.DecisionEngine;
import dev.nbo.serving.decision.DecisionRequest;
import dev.nbo.serving.decision.ExperimentArm;
import dev.nbo.serving.decision.Strategy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a request in the experiment arm its customer falls in, when the block runs an experiment: the arm's
 * strategy (or fixed list) replaces the block's own; a customer of the global holdout gets the control's treatment.
 * For the customers it compares it also asks every other arm what it would have shown first — without showing it or
 * counting it towards frequency caps — so that the decision log supports off-policy evaluation. Thread-safe.
 */
public final class ExperimentDecider {
    private final DecisionEngine engine;
    private final Assigner assigner;
    private final Map<String, RuleSet> armRules;

    /** @param armRules the rules of each rules arm, by {@link #armKey} */
    public ExperimentDecider(DecisionEngine engine, Assigner assigner, Map<String, RuleSet> armRules) {
        this.engine = engine;
        this.assigner = assigner;
        this.armRules = Map.copyOf(armRules);
    }

    /** The key of an arm in the rules map: experiment and arm names. */
    public static String armKey(ExperimentSpec experiment, ArmSpec arm) {
        return experiment.name() + "/" + arm.name();
    }

    public Assigner assigner() {
        return assigner;
    }

    public Decision decide(DecisionRequest request) {
        Optional<Assignment> found = assigner.assign(request.block().id(), request.customerId(),
                instant(request.nowMicros()));
        if (found.isEmpty()) {
            return engine.decide(request);
        }
        Assignment assignment = found.get();
        ExperimentSpec experiment = assigner.config().experiment(assignment.experiment()).orElseThrow();
        ArmSpec served = experiment.arm(assignment.holdout() ? experiment.control() : assignment.arm()).orElseThrow();
        // every arm decides for the same customer at the same time: one read of the customer serves them all
        CustomerReads reads = engine.reads(request.customerId(), request.nowMicros());
        Decision decision = engine.decide(inArm(request, experiment, served), reads);
        Map<String, String> choices = new LinkedHashMap<>();
        if (!assignment.override() && !assignment.holdout()) {
            for (ArmSpec arm : experiment.arms()) {
                choices.put(arm.name(), arm.equals(served) ? decision.firstOfferId()
                        : engine.decideShadow(inArm(request, experiment, arm), reads).firstOfferId());
            }
        }
        return decision.inExperiment(new ExperimentArm(experiment.name(), assignment.arm(), assignment.probability(),
                assignment.override(), choices));
    }

    private DecisionRequest inArm(DecisionRequest request, ExperimentSpec experiment, ArmSpec arm) {
        Strategy strategy = arm.isFixed() ? Strategy.FIXED : Strategy.fromWireName(arm.strategyName());
        Optional<RuleSet> rules = Optional.ofNullable(armRules.get(armKey(experiment, arm)));
        if (strategy == Strategy.RULES && rules.isEmpty()) {
            throw new IllegalStateException("rules arm " + armKey(experiment, arm) + " has no rules");
        }
        BlockPolicy policy = request.block().forArm(strategy, arm.fixedOffers().stream().map(OfferId::new).toList(),
                rules);
        return new DecisionRequest(request.requestId(), request.customerId(), policy, request.limit(),
                request.explain(), request.nowMicros());
    }

    /** Serving time as an instant (for listing which experiments run now). */
    public static Instant instant(long micros) {
        return Window.instant(micros);
    }
}
