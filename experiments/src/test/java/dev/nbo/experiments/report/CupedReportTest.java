package dev.nbo.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nbo.experiments.report.ExperimentReport.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CupedReportTest {
    private static final double TRUE_LIFT = 0.5;

    private static ReportSettings settings(boolean cuped) {
        return new ReportSettings("t", "control", Map.of(), cuped, 0.95, 0.001);
    }

    @Test
    void narrowsTheIntervalAndKeepsTheTrueLiftInside() {
        UnitTable table = Tables.withCovariate(11, 2000, TRUE_LIFT);
        Comparison plain = ReportEngine.analyze(table, settings(false), List.of()).comparisons().get(0);
        ExperimentReport adjusted = ReportEngine.analyze(table, settings(true), List.of());
        Comparison cuped = adjusted.comparisons().get(0);

        // var(Y) = 4 * 9 + 9 = 45; corr^2 = 36 / 45, so CUPED keeps a fifth of the variance.
        assertThat(adjusted.cuped().get(0).theta()).isCloseTo(2, within(0.1));
        assertThat(adjusted.cuped().get(0).varianceReduction()).isCloseTo(0.8, within(0.03));
        double plainWidth = plain.liftAbsHigh() - plain.liftAbsLow();
        double cupedWidth = cuped.liftAbsHigh() - cuped.liftAbsLow();
        assertThat(cupedWidth).isLessThan(plainWidth * 0.5);
        assertThat(cuped.liftAbsLow()).isLessThanOrEqualTo(TRUE_LIFT);
        assertThat(cuped.liftAbsHigh()).isGreaterThanOrEqualTo(TRUE_LIFT);
        assertThat(cuped.method()).isEqualTo("Welch t-test on CUPED-adjusted values");
        assertThat(adjusted.arms().get(0).metrics().get(0).cupedAdjusted()).isTrue();
    }

    @Test
    void staysUnbiasedAcrossSeededExperiments() {
        int runs = 60;
        double sum = 0;
        int covered = 0;
        for (int run = 0; run < runs; run++) {
            Comparison cuped = ReportEngine.analyze(Tables.withCovariate(1000 + run, 500, TRUE_LIFT), settings(true),
                    List.of()).comparisons().get(0);
            sum += cuped.liftAbs();
            if (cuped.liftAbsLow() <= TRUE_LIFT && TRUE_LIFT <= cuped.liftAbsHigh()) {
                covered++;
            }
        }
        // One estimate has sd sqrt(2 * 9 / 500) = 0.19; the mean of 60 has sd 0.024.
        assertThat(sum / runs).isCloseTo(TRUE_LIFT, within(0.08));
        assertThat(covered).isBetween(52, 60);
    }

    @Test
    void turnsABinaryMetricIntoAdjustedMeans() {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double x = i % 10;
            double click = x >= 5 || i % 7 == 0 ? 1 : 0;
            units.add(new Unit(i % 2 == 0 ? "control" : "model", new double[] {click}, x, Unit.NO_TIME));
        }
        ExperimentReport report = ReportEngine.analyze(new UnitTable(List.of("click"), Set.of("click"), units),
                settings(true), List.of());
        Comparison click = report.comparisons().get(0);
        assertThat(click.method()).isEqualTo("Welch t-test on CUPED-adjusted values");
        assertThat(click.degreesOfFreedom()).isNotNull();
        assertThat(report.cuped().get(0).varianceReduction()).isGreaterThan(0.3);
        assertThat(report.arms().get(0).metrics().get(0).unadjustedValue()).isCloseTo(
                units.stream().filter(u -> u.arm().equals("control")).mapToDouble(u -> u.metric(0)).average()
                        .orElseThrow(), within(1e-12));
    }

    @Test
    void refusesCupedWithoutAnyCovariateNamingTheMetric() {
        UnitTable table = Tables.clickAndRevenue(Tables.arm("control", 10, 2, 1, 2), Tables.arm("model", 10, 3, 1, 2));
        assertThatThrownBy(() -> ReportEngine.analyze(table, settings(true), List.of()))
                .hasMessageContaining("CUPED on metric 'click'").hasMessageContaining("units with a covariate");
    }
}
