package dev.nbo.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.LiftTimeline;
import dev.nbo.experiments.report.ExperimentReport.OffPolicyResult;
import dev.nbo.experiments.report.ExperimentReport.TimelinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineAndOffPolicyTest {
    private static final ReportSettings SETTINGS = ReportSettings.defaults("t", "control");

    @Test
    void cumulativeLiftAtAboutTwentyPointsEndsAtTheFullExperiment() {
        UnitTable table = Tables.withCovariate(3, 1000, 0.5);
        ExperimentReport report = ReportEngine.analyze(table, SETTINGS, List.of());

        assertThat(report.timelines()).hasSize(1);
        LiftTimeline timeline = report.timelines().get(0);
        assertThat(timeline.arm()).isEqualTo("model");
        assertThat(timeline.points()).hasSize(20);
        assertThat(timeline.points()).extracting(TimelinePoint::timeMicros).isSorted();
        TimelinePoint first = timeline.points().get(0);
        assertThat(first.controlN() + first.treatmentN()).isEqualTo(100);
        TimelinePoint last = timeline.points().get(19);
        Comparison full = report.comparisons().get(0);
        assertThat(last.controlN()).isEqualTo(1000);
        assertThat(last.liftAbs()).isCloseTo(full.liftAbs(), within(1e-9));
        assertThat(last.low()).isCloseTo(full.liftAbsLow(), within(1e-9));
        assertThat(last.time()).isEqualTo("2025-03-02T09:19:00Z");
    }

    @Test
    void unitsSharingATimestampStayInOnePoint() {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long day = i / 20; // three days, twenty units each
            units.add(new Unit(i % 2 == 0 ? "control" : "model", new double[] {i % 3 == 0 ? 1 : 0}, Double.NaN,
                    day * 86_400_000_000L));
        }
        ExperimentReport report = ReportEngine.analyze(new UnitTable(List.of("click"), java.util.Set.of("click"),
                units), SETTINGS, List.of());
        assertThat(report.timelines().get(0).points()).extracting(p -> p.controlN() + p.treatmentN())
                .containsExactly(20L, 40L, 60L);
    }

    @Test
    void noTimelineWhenAUnitHasNoTimestamp() {
        UnitTable table = Tables.clickAndRevenue(Tables.arm("control", 10, 2, 1, 2), Tables.arm("model", 10, 3, 1, 2));
        assertThat(ReportEngine.analyze(table, SETTINGS, List.of()).timelines()).isEmpty();
    }

    @Test
    void offPolicyEstimatesForEachArmsPolicy() {
        Map<String, Double> split = Map.of("control", 0.5, "model", 0.5);
        List<LoggedDecision> log = List.of(
                new LoggedDecision("x", 1, Map.of("control", "x", "model", "y"), split),
                new LoggedDecision("y", 1, Map.of("control", "x", "model", "y"), split),
                new LoggedDecision("y", 0, Map.of("control", "y", "model", "y"), split),
                new LoggedDecision("x", 0, Map.of("control", "x", "model", "y"), split));
        UnitTable table = Tables.clickAndRevenue(Tables.arm("control", 10, 2, 1, 2), Tables.arm("model", 10, 3, 1, 2));

        ExperimentReport report = ReportEngine.analyze(table, SETTINGS, log);

        assertThat(report.offPolicy()).extracting(OffPolicyResult::arm).containsExactly("control", "model");
        // control: weights 2, 0, 1, 2 and rewards 1, 1, 0, 0 -> IPS 2/4, SNIPS 2/5, ESS 25/9
        OffPolicyResult control = report.offPolicy().get(0);
        assertThat(control.matched()).isEqualTo(3);
        assertThat(control.ips()).isCloseTo(0.5, within(1e-12));
        assertThat(control.snips()).isCloseTo(0.4, within(1e-12));
        assertThat(control.effectiveSampleSize()).isCloseTo(25 / 9.0, within(1e-12));
        // model: weights 0, 2, 1, 0 -> IPS 2/4, SNIPS 2/3
        OffPolicyResult model = report.offPolicy().get(1);
        assertThat(model.ips()).isCloseTo(0.5, within(1e-12));
        assertThat(model.snips()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(report.provenance().decisions()).isEqualTo(4);
    }

    @Test
    void refusesADecisionNoArmCouldHaveShown() {
        Map<String, Double> split = Map.of("control", 0.5, "model", 0.5);
        List<LoggedDecision> log = List.of(new LoggedDecision("x", 1, Map.of("control", "x", "model", "y"), split),
                new LoggedDecision("z", 1, Map.of("control", "x", "model", "y"), split));
        UnitTable table = Tables.clickAndRevenue(Tables.arm("control", 10, 2, 1, 2), Tables.arm("model", 10, 3, 1, 2));
        assertThatThrownBy(() -> ReportEngine.analyze(table, SETTINGS, log))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logged decision 1").hasMessageContaining("'z'")
                .hasMessageContaining("logging propensity 0");
    }

    @Test
    void loggedDecisionsValidateTheirProbabilities() {
        assertThatThrownBy(() -> new LoggedDecision("x", 1, Map.of("a", "x", "b", "y"), Map.of("a", 0.5, "b", 0.4)))
                .hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new LoggedDecision("x", 1, Map.of("a", "x"), Map.of("a", 0.5, "b", 0.5)))
                .hasMessageContaining("arm 'b' has a probability but no policy action");
        assertThatThrownBy(() -> new LoggedDecision("x", Double.NaN, Map.of("a", "x"), Map.of("a", 1.0)))
                .hasMessageContaining("reward");
    }
}
