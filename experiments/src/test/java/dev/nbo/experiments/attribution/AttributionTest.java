package dev.nbo.experiments.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.experiments.config.ArmSpec;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.report.LoggedDecision;
import dev.nbo.experiments.report.Unit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final ExperimentSpec RECS = new ExperimentSpec("recs", "recs", "s", T0.minusSeconds(86_400),
            T0.plusSeconds(30 * 86_400), List.of(new ArmSpec("model", Optional.of("model"), List.of(), 3),
            new ArmSpec("control", Optional.empty(), List.of("OFF-1"), 1)), "control", Map.of());
    private static final Duration WINDOW = Duration.ofDays(7);

    private static Exposure exposure(String request, String customer, Instant time, String arm, String... offers) {
        return new Exposure(request, customer, time, "recs", arm, arm.equals("model") ? 0.75 : 0.25, false,
                List.of(offers), Map.of("model", "OFF-7", "control", "OFF-1"));
    }

    private static Outcome outcome(String id, String customer, Instant time, OutcomeType type, String request,
                                   String offer, double revenue) {
        return new Outcome(id, customer, time, type, request, offer, revenue);
    }

    @Test
    void creditsByRequestIdThenByLastTouchWithinTheWindow() {
        List<Exposure> exposures = List.of(
                exposure("r1", "A", T0, "model", "OFF-7", "OFF-2"),
                exposure("r2", "A", T0.plusSeconds(3_600), "model", "OFF-3"),
                exposure("r3", "B", T0, "control", "OFF-1"),
                new Exposure("x1", "A", T0, "other-experiment", "arm", 0.5, false, List.of("OFF-9"), Map.of()));
        List<Outcome> outcomes = List.of(
                outcome("e1", "A", T0.plusSeconds(60), OutcomeType.OPEN, "r1", null, 0),
                outcome("e2", "A", T0.plusSeconds(7_200), OutcomeType.CLICK, null, "OFF-7", 0), // last touch: r1 shows OFF-7
                outcome("e3", "A", T0.plusSeconds(8_000), OutcomeType.PURCHASE, null, null, 40.5), // latest: r2
                outcome("e4", "B", T0.plus(Duration.ofDays(8)), OutcomeType.PURCHASE, null, null, 99), // outside window
                outcome("e5", "B", T0.plusSeconds(10), OutcomeType.CLICK, "r1", null, 0), // A's request: not B's
                outcome("e6", "A", T0.plusSeconds(10), OutcomeType.CLICK, "x1", null, 0), // another experiment's
                outcome("e7", "Z", T0.plusSeconds(10), OutcomeType.CLICK, null, null, 0)); // not in the experiment

        AttributedExperiment result = Attribution.attribute(RECS, exposures, outcomes, WINDOW);

        assertThat(result.summary().exposures()).isEqualTo(3);
        assertThat(result.summary().byRequestId()).isEqualTo(1);
        assertThat(result.summary().byWindow()).isEqualTo(2);
        assertThat(result.summary().unattributed()).isEqualTo(2);
        assertThat(result.summary().units()).containsEntry("model", 1L).containsEntry("control", 1L);
        List<Unit> units = result.units().units();
        assertThat(units).hasSize(2);
        Unit a = units.stream().filter(u -> u.arm().equals("model")).findFirst().orElseThrow();
        assertThat(a.metrics()).containsExactly(1, 1, 1, 40.5);
        assertThat(a.timeMicros()).isEqualTo(T0.getEpochSecond() * 1_000_000);
        Unit b = units.stream().filter(u -> u.arm().equals("control")).findFirst().orElseThrow();
        assertThat(b.metrics()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void loggedDecisionsCarryTheTopOfferTheClickOnItAndEveryArmsChoice() {
        List<Exposure> exposures = List.of(exposure("r1", "A", T0, "model", "OFF-7", "OFF-2"),
                exposure("r3", "B", T0, "control", "OFF-1"));
        List<Outcome> outcomes = List.of(outcome("e1", "A", T0.plusSeconds(5), OutcomeType.CLICK, "r1", "OFF-2", 0),
                outcome("e2", "B", T0.plusSeconds(5), OutcomeType.CLICK, "r3", "OFF-1", 0));

        List<LoggedDecision> decisions = Attribution.attribute(RECS, exposures, outcomes, WINDOW).decisions();

        assertThat(decisions).hasSize(2);
        // A clicked the second slot, not the top one: no reward for the top-slot action
        assertThat(decisions.get(0).shownAction()).isEqualTo("OFF-7");
        assertThat(decisions.get(0).reward()).isZero();
        assertThat(decisions.get(1).reward()).isEqualTo(1);
        assertThat(decisions.get(1).armProbabilities()).containsEntry("model", 0.75).containsEntry("control", 0.25);
        assertThat(decisions.get(1).policyActions()).containsEntry("model", "OFF-7").containsEntry("control", "OFF-1");
    }

    @Test
    void holdoutAndOverriddenCustomersAreCountedButNotCompared() {
        List<Exposure> exposures = List.of(exposure("r1", "A", T0, "model", "OFF-7"),
                new Exposure("r2", "H", T0, "recs", "holdout", 0.05, false, List.of("OFF-1"), Map.of()),
                new Exposure("r3", "TEST", T0, "recs", "model", 1.0, true, List.of("OFF-7"), Map.of()));

        AttributedExperiment result = Attribution.attribute(RECS, exposures, List.of(), WINDOW);

        assertThat(result.units().units()).hasSize(1);
        assertThat(result.summary().holdoutCustomers()).isEqualTo(1);
        assertThat(result.summary().overrideCustomers()).isEqualTo(1);
        assertThat(result.decisions()).hasSize(1);
    }

    @Test
    void anExperimentWithoutComparedCustomersSaysSo() {
        assertThatThrownBy(() -> Attribution.attribute(RECS, List.of(), List.of(), WINDOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no compared customers yet");
    }
}
