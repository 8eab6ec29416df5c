package dev.nbo.experiments.report;

import static dev.nbo.experiments.report.Tables.arm;
import static dev.nbo.experiments.report.Tables.clickAndRevenue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nbo.experiments.report.ExperimentReport.Comparison;
import dev.nbo.experiments.report.ExperimentReport.MetricSummary;
import dev.nbo.experiments.report.ExperimentReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportEngineTest {
    static final double Z95 = 1.959963984540054;
    static final double Z80 = 0.8416212335729143;
    private static final ReportSettings SETTINGS = ReportSettings.defaults("Spring mail", "control");

    @Test
    void perArmRatesAndMeansWithTheirIntervals() {
        ExperimentReport report = ReportEngine.analyze(clickAndRevenue(arm("control", 1000, 200, 10, 20),
                arm("model", 1000, 250, 12, 20)), SETTINGS, List.of());

        assertThat(report.arms()).extracting(ExperimentReport.ArmSummary::arm).containsExactly("control", "model");
        MetricSummary clicks = report.arms().get(0).metrics().get(0);
        assertThat(clicks.value()).isEqualTo(0.2);
        double center = (0.2 + Z95 * Z95 / 2000) / (1 + Z95 * Z95 / 1000);
        double half = Z95 / (1 + Z95 * Z95 / 1000) * Math.sqrt(0.2 * 0.8 / 1000 + Z95 * Z95 / 4e6);
        assertThat(clicks.ciLow()).isCloseTo(center - half, within(1e-9));
        assertThat(clicks.ciHigh()).isCloseTo(center + half, within(1e-9));
        MetricSummary revenue = report.arms().get(1).metrics().get(1);
        assertThat(revenue.value()).isCloseTo(16, within(1e-12));
        assertThat(revenue.n()).isEqualTo(1000);
        assertThat(revenue.missing()).isZero();
        assertThat(report.arms().get(0).units()).isEqualTo(1000);
    }

    @Test
    void comparesEveryTreatmentOnEveryMetricAndAdjustsWithHolm() {
        ExperimentReport report = ReportEngine.analyze(clickAndRevenue(arm("control", 1000, 200, 10, 20),
                arm("model", 1000, 250, 12, 20), arm("rules", 1000, 210, 10, 21)), SETTINGS, List.of());

        assertThat(report.comparisons()).extracting(Comparison::arm, Comparison::metric).containsExactly(
                org.assertj.core.groups.Tuple.tuple("model", "click"),
                org.assertj.core.groups.Tuple.tuple("model", "revenue"),
                org.assertj.core.groups.Tuple.tuple("rules", "click"),
                org.assertj.core.groups.Tuple.tuple("rules", "revenue"));
        Comparison modelClick = report.comparisons().get(0);
        assertThat(modelClick.liftAbs()).isCloseTo(0.05, within(1e-12));
        assertThat(modelClick.liftRel()).isCloseTo(0.25, within(1e-12));
        assertThat(modelClick.method()).isEqualTo("two-proportion z-test");
        assertThat(report.comparisons().get(1).method()).isEqualTo("Welch t-test");

        double[] raw = report.comparisons().stream().mapToDouble(Comparison::pValue).toArray();
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
        order.sort((a, b) -> Double.compare(raw[a], raw[b]));
        double running = 0;
        for (int rank = 0; rank < 4; rank++) {
            running = Math.max(running, Math.min(1, (4 - rank) * raw[order.get(rank)]));
            assertThat(report.comparisons().get(order.get(rank)).pAdjusted()).isCloseTo(running, within(1e-12));
        }
    }

    @Test
    void verdictLinesSaySignificantOrWhatTheTestCouldDetect() {
        ExperimentReport report = ReportEngine.analyze(clickAndRevenue(arm("control", 1000, 200, 10, 20),
                arm("model", 1000, 250, 10, 20), arm("rules", 1000, 190, 10, 20)), SETTINGS, List.of());

        Comparison model = report.comparisons().get(0);
        assertThat(model.outcome()).isEqualTo(Outcome.BETTER);
        // +5 pts, Wald CI 0.05 +- 1.96 sqrt(0.2*0.8/1000 + 0.25*0.75/1000) = +1.35 to +8.65 pts, raw p = 0.00742;
        // the smallest of 4 p-values, so Holm multiplies it by 4: 0.0297.
        assertThat(model.pAdjusted()).isCloseTo(4 * model.pValue(), within(1e-12));
        assertThat(model.verdict()).isEqualTo("model beats control on click: +5.0 pts (+25%, 95% CI +1.3 to +8.7 "
                + "pts), adjusted p = 0.03 — significant");
        Comparison rules = report.comparisons().get(2);
        assertThat(rules.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_DIFFERENCE);
        double pooled = 390 / 2000.0;
        double mde = (Z95 + Z80) * Math.sqrt(pooled * (1 - pooled) * (2 / 1000.0));
        assertThat(rules.detectableEffect()).isCloseTo(mde, within(1e-12));
        assertThat(rules.verdict()).startsWith("rules vs control on click: no significant difference (adjusted p = ")
                .endsWith("); the test could detect ±" + String.format(java.util.Locale.ROOT, "%.1f", mde * 100)
                        + " pts");
        assertThat(report.verdicts()).hasSize(4).contains(model.verdict(), rules.verdict());
    }

    @Test
    void aWorseArmIsCalledWorse() {
        ExperimentReport report = ReportEngine.analyze(clickAndRevenue(arm("control", 1000, 250, 10, 20),
                arm("model", 1000, 180, 12, 22)), SETTINGS, List.of());
        assertThat(report.comparisons().get(0).outcome()).isEqualTo(Outcome.WORSE);
        assertThat(report.comparisons().get(0).verdict()).startsWith("model is worse than control on click: -7.0 pts "
                + "(-28%, 95% CI -");
    }

    @Test
    void missingValuesAreLeftOutAndCounted() {
        List<Unit> units = new ArrayList<>(arm("control", 10, 3, 5, 7));
        units.add(new Unit("control", new double[] {Double.NaN, 100}, Double.NaN, Unit.NO_TIME));
        units.addAll(arm("model", 10, 4, 5, 9));
        units.add(new Unit("model", new double[] {1, Double.NaN}, Double.NaN, Unit.NO_TIME));
        ExperimentReport report = ReportEngine.analyze(new UnitTable(List.of("click", "revenue"), Set.of("click"),
                units), SETTINGS, List.of());

        MetricSummary controlClick = report.arms().get(0).metrics().get(0);
        assertThat(controlClick.n()).isEqualTo(10);
        assertThat(controlClick.missing()).isEqualTo(1);
        assertThat(controlClick.value()).isCloseTo(0.3, within(1e-12));
        MetricSummary modelRevenue = report.arms().get(1).metrics().get(1);
        assertThat(modelRevenue.n()).isEqualTo(10);
        assertThat(modelRevenue.missing()).isEqualTo(1);
        assertThat(modelRevenue.value()).isCloseTo(7, within(1e-12));
        assertThat(report.arms().get(1).units()).isEqualTo(11);
    }

    @Test
    void comparisonsWithoutEnoughDataHaveNoPValueAndStayOutOfHolm() {
        List<Unit> units = new ArrayList<>(arm("control", 50, 10, 5, 7));
        for (int i = 0; i < 50; i++) {
            units.add(new Unit("model", new double[] {i < 20 ? 1 : 0, Double.NaN}, Double.NaN, Unit.NO_TIME));
        }
        ExperimentReport report = ReportEngine.analyze(new UnitTable(List.of("click", "revenue"), Set.of("click"),
                units), SETTINGS, List.of());

        Comparison revenue = report.comparisons().get(1);
        assertThat(revenue.outcome()).isEqualTo(Outcome.NOT_ENOUGH_DATA);
        assertThat(revenue.pValue()).isNull();
        assertThat(revenue.verdict()).isEqualTo("model vs control on revenue: not enough data to compare (0 vs 50 "
                + "units with a value)");
        Comparison click = report.comparisons().get(0);
        assertThat(click.pAdjusted()).isEqualTo(click.pValue());
    }

    @Test
    void relativeLiftIsUndefinedWhenTheControlRateIsZero() {
        ExperimentReport report = ReportEngine.analyze(clickAndRevenue(arm("control", 200, 0, 1, 2),
                arm("model", 200, 12, 1, 2)), SETTINGS, List.of());
        Comparison click = report.comparisons().get(0);
        assertThat(click.liftAbs()).isCloseTo(0.06, within(1e-12));
        assertThat(click.liftRel()).isNull();
        assertThat(click.liftRelLow()).isNull();
        assertThat(click.verdict()).startsWith("model beats control on click: +6.0 pts (95% CI ");
    }

    @Test
    void sampleRatioMismatchIsDetectedAndEveryVerdictSaysSo() {
        ExperimentReport skewed = ReportEngine.analyze(clickAndRevenue(arm("control", 10_000, 1000, 5, 6),
                arm("model", 10_600, 1300, 5, 6)), ReportSettings.defaults("t", "control"), List.of());
        assertThat(skewed.srm().mismatch()).isTrue();
        assertThat(skewed.srm().pValue()).isLessThan(0.001);
        assertThat(skewed.srm().message()).contains("SAMPLE RATIO MISMATCH").contains("can be trusted");
        assertThat(skewed.verdicts()).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith(Verdicts.SPLIT_BROKEN));

        ExperimentReport fair = ReportEngine.analyze(clickAndRevenue(arm("control", 10_000, 1000, 5, 6),
                arm("model", 10_090, 1300, 5, 6)), ReportSettings.defaults("t", "control"), List.of());
        assertThat(fair.srm().mismatch()).isFalse();
        assertThat(fair.verdicts()).noneSatisfy(v -> assertThat(v).contains("SPLIT IS BROKEN"));
    }

    @Test
    void configuredWeightsAndASettableThreshold() {
        UnitTable table = clickAndRevenue(arm("control", 2000, 100, 1, 2), arm("model", 8000, 400, 1, 2));
        ReportSettings eightyTwenty = new ReportSettings("t", "control", Map.of("control", 0.2, "model", 0.8),
                false, 0.95, 0.001);
        ExperimentReport report = ReportEngine.analyze(table, eightyTwenty, List.of());
        assertThat(report.srm().mismatch()).isFalse();
        assertThat(report.srm().chiSquare()).isZero();
        assertThat(report.srm().expectedUnits()).containsEntry("control", 2000.0).containsEntry("model", 8000.0);

        // The same counts against an equal split, with a threshold loose enough for anything.
        assertThat(ReportEngine.analyze(table, new ReportSettings("t", "control", Map.of(), false, 0.95, 0.5),
                List.of()).srm().mismatch()).isTrue();
    }

    @Test
    void aConfiguredArmWithoutUnitsIsAMismatch() {
        UnitTable table = clickAndRevenue(arm("control", 500, 50, 1, 2), arm("model", 500, 50, 1, 2));
        ReportSettings threeArms = new ReportSettings("t", "control",
                Map.of("control", 1.0, "model", 1.0, "rules", 1.0), false, 0.95, 0.001);
        ExperimentReport report = ReportEngine.analyze(table, threeArms, List.of());
        assertThat(report.srm().observed()).containsEntry("rules", 0L);
        assertThat(report.srm().mismatch()).isTrue();
    }

    @Test
    void refusesTablesItCannotReportOnNamingTheProblem() {
        UnitTable table = clickAndRevenue(arm("control", 10, 1, 1), arm("model", 10, 1, 1));
        assertThatThrownBy(() -> ReportEngine.analyze(table, ReportSettings.defaults("t", "baseline"), List.of()))
                .hasMessageContaining("control arm 'baseline' has no units").hasMessageContaining("[control, model]");
        assertThatThrownBy(() -> ReportEngine.analyze(clickAndRevenue(arm("control", 10, 1, 1)), SETTINGS, List.of()))
                .hasMessageContaining("at least one other arm");
        assertThatThrownBy(() -> ReportEngine.analyze(table, new ReportSettings("t", "control",
                Map.of("control", 1.0), false, 0.95, 0.001), List.of()))
                .hasMessageContaining("arm 'model' has units but no expected weight");
        assertThatThrownBy(() -> new UnitTable(List.of("click"), Set.of("click"),
                List.of(new Unit("a", new double[] {2}, Double.NaN, Unit.NO_TIME))))
                .hasMessageContaining("binary metric 'click' must be 0 or 1, got 2.0");
        assertThatThrownBy(() -> new UnitTable(List.of("a", "a"), Set.of(), List.of()))
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> new UnitTable(List.of("a"), Set.of(), List.of())).hasMessageContaining("one unit");
    }
}
