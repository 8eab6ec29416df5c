package dev.nbo.experiments.attribution;

import dev.nbo.experiments.assign.Assignment;
import dev.nbo.experiments.config.ArmSpec;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.report.LoggedDecision;
import dev.nbo.experiments.report.Unit;
import dev.nbo.experiments.report.UnitTable;
import dev.nbo.models.feature.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credits outcomes to the exposures of one experiment and turns its customers into report units (see
 * docs/experiments.md, "Attribution"):
 * <ol>
 *   <li>an outcome with a request id belongs to that request only: credited when the request is one of this
 *       experiment's exposures of the same customer, ignored when it is another experiment's, unattributed when the
 *       customer differs;</li>
 *   <li>an outcome without one is credited to the customer's latest exposure at or before it and within the
 *       attribution window — the latest that showed the outcome's offer when it names one and such an exposure
 *       exists (last touch);</li>
 *   <li>anything else of the experiment's customers is unattributed, and counted.</li>
 * </ol>
 * The unit is the customer (the unit of assignment, so units are independent): {@code opened}, {@code clicked},
 * {@code purchased} (any credited outcome of that type, 0 or 1) and {@code revenue} (the sum of credited purchases).
 * Customers of the global holdout and overridden test profiles are counted but not compared.
 */
public final class Attribution {
    /** The report's metrics, in unit order. */
    public static final List<String> METRICS = List.of("opened", "clicked", "purchased", "revenue");
    public static final Set<String> BINARY_METRICS = Set.of("opened", "clicked", "purchased");
    /** The action of a policy that would show nothing (off-policy evaluation needs a name for it). */
    public static final String NO_OFFER = "(none)";

    private Attribution() {
    }

    public static AttributedExperiment attribute(ExperimentSpec experiment, List<Exposure> allExposures,
                                                 List<Outcome> outcomes, Duration window) {
        List<Exposure> exposures = allExposures.stream().filter(e -> e.experiment().equals(experiment.name()))
                .sorted(Comparator.comparing(Exposure::time)).toList();
        Map<String, Exposure> byRequest = new HashMap<>();
        Map<String, List<Exposure>> byCustomer = new LinkedHashMap<>();
        Map<String, Exposure> first = new LinkedHashMap<>();
        long switches = 0;
        for (Exposure exposure : exposures) {
            byRequest.put(exposure.requestId(), exposure);
            byCustomer.computeIfAbsent(exposure.customerId(), c -> new ArrayList<>()).add(exposure);
            Exposure earlier = first.putIfAbsent(exposure.customerId(), exposure);
            if (earlier != null && !earlier.arm().equals(exposure.arm())
                    && byCustomer.get(exposure.customerId()).stream().map(Exposure::arm).distinct().count() == 2) {
                switches++;
            }
        }
        Map<Exposure, List<Outcome>> credited = new HashMap<>();
        long byRequestId = 0;
        long byWindow = 0;
        long unattributed = 0;
        for (Outcome outcome : outcomes) {
            List<Exposure> own = byCustomer.get(outcome.customerId());
            if (outcome.requestId() != null) {
                Exposure exposure = byRequest.get(outcome.requestId());
                if (exposure == null) {
                    continue; // another experiment's (or no experiment's) request
                }
                if (exposure.customerId().equals(outcome.customerId())) {
                    credited.computeIfAbsent(exposure, e -> new ArrayList<>()).add(outcome);
                    byRequestId++;
                } else {
                    unattributed++;
                }
                continue;
            }
            if (own == null) {
                continue; // not a customer of this experiment
            }
            Exposure exposure = lastTouch(own, outcome, window);
            if (exposure == null) {
                unattributed++;
            } else {
                credited.computeIfAbsent(exposure, e -> new ArrayList<>()).add(outcome);
                byWindow++;
            }
        }
        return units(experiment, exposures, first, byCustomer, credited,
                new Counts(switches, byRequestId, byWindow, unattributed));
    }

    private record Counts(long switches, long byRequestId, long byWindow, long unattributed) {
    }

    private static Exposure lastTouch(List<Exposure> exposures, Outcome outcome, Duration window) {
        Exposure latest = null;
        Exposure latestWithOffer = null;
        for (Exposure exposure : exposures) {
            if (exposure.time().isAfter(outcome.time())) {
                break;
            }
            if (Duration.between(exposure.time(), outcome.time()).compareTo(window) > 0) {
                continue;
            }
            latest = exposure;
            if (outcome.offerId() != null && exposure.offers().contains(outcome.offerId())) {
                latestWithOffer = exposure;
            }
        }
        return latestWithOffer != null ? latestWithOffer : latest;
    }

    private static AttributedExperiment units(ExperimentSpec experiment, List<Exposure> exposures,
                                              Map<String, Exposure> first, Map<String, List<Exposure>> byCustomer,
                                              Map<Exposure, List<Outcome>> credited, Counts counts) {
        List<Unit> units = new ArrayList<>();
        Map<String, Long> perArm = new LinkedHashMap<>();
        experiment.arms().forEach(a -> perArm.put(a.name(), 0L));
        long holdout = 0;
        long overridden = 0;
        for (Map.Entry<String, Exposure> entry : first.entrySet()) {
            Exposure firstExposure = entry.getValue();
            if (firstExposure.override()) {
                overridden++;
                continue;
            }
            if (Assignment.HOLDOUT.equals(firstExposure.arm())) {
                holdout++;
                continue;
            }
            double[] metrics = new double[METRICS.size()];
            for (Exposure exposure : byCustomer.get(entry.getKey())) {
                for (Outcome outcome : credited.getOrDefault(exposure, List.of())) {
                    switch (outcome.type()) {
                        case OPEN -> metrics[0] = 1;
                        case CLICK -> metrics[1] = 1;
                        case PURCHASE -> {
                            metrics[2] = 1;
                            metrics[3] += outcome.revenue();
                        }
                    }
                }
            }
            units.add(new Unit(firstExposure.arm(), metrics, Double.NaN, micros(firstExposure.time())));
            perArm.merge(firstExposure.arm(), 1L, Long::sum);
        }
        if (units.isEmpty()) {
            throw new IllegalStateException("experiment " + experiment.name() + " has no compared customers yet ("
                    + exposures.size() + " exposures, " + holdout + " in the holdout, " + overridden
                    + " overridden): serve its block first");
        }
        List<LoggedDecision> decisions = new ArrayList<>();
        for (Exposure exposure : exposures) {
            if (exposure.override() || Assignment.HOLDOUT.equals(exposure.arm())
                    || !exposure.policyChoices().keySet().containsAll(perArm.keySet())) {
                continue;
            }
            decisions.add(loggedDecision(experiment, exposure, credited.getOrDefault(exposure, List.of())));
        }
        AttributionSummary summary = new AttributionSummary(exposures.size(), perArm, holdout, overridden,
                counts.switches(), counts.byRequestId(), counts.byWindow(), counts.unattributed());
        return new AttributedExperiment(new UnitTable(METRICS, BINARY_METRICS, units), decisions, summary);
    }

    /** The top slot as the action; its reward is 1 when a click credited to the exposure names it (or no offer). */
    private static LoggedDecision loggedDecision(ExperimentSpec experiment, Exposure exposure,
                                                 List<Outcome> outcomes) {
        String shown = exposure.offers().isEmpty() ? NO_OFFER : exposure.offers().get(0);
        boolean clicked = outcomes.stream().anyMatch(o -> o.type() == OutcomeType.CLICK
                && (o.offerId() == null || o.offerId().equals(shown)));
        Map<String, String> actions = new LinkedHashMap<>();
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (ArmSpec arm : experiment.arms()) {
            String action = exposure.policyChoices().get(arm.name());
            actions.put(arm.name(), action == null ? NO_OFFER : action);
            probabilities.put(arm.name(), experiment.share(arm.name()));
        }
        return new LoggedDecision(shown, clicked ? 1 : 0, actions, probabilities);
    }

    private static long micros(Instant time) {
        return Window.micros(time);
    }
}
