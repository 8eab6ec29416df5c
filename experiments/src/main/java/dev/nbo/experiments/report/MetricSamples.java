package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.CupedAdjustment;
import dev.nbo.experiments.stats.Cuped;
import dev.nbo.experiments.stats.RunningMoments;
import dev.nbo.experiments.stats.SampleMoments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric's values by arm, ready for the tests: missing values left out and counted, and under CUPED each value
 * replaced by {@code Y - theta (X - mean X)} with theta fitted over all arms together.
 */
final class MetricSamples {
    private final String metric;
    private final boolean binary;
    private final CupedAdjustment cuped;
    private final Map<String, RunningMoments> values = new LinkedHashMap<>();
    private final Map<String, RunningMoments> unadjusted = new LinkedHashMap<>();
    private final Map<String, Long> missing = new LinkedHashMap<>();

    private MetricSamples(String metric, boolean binary, CupedAdjustment cuped) {
        this.metric = metric;
        this.binary = binary;
        this.cuped = cuped;
    }

    static MetricSamples of(UnitTable table, int metricIndex, List<String> arms, boolean useCuped) {
        String metric = table.metricNames().get(metricIndex);
        Cuped.Fit fit = useCuped ? fit(table, metricIndex) : null;
        CupedAdjustment adjustment = fit == null ? null : new CupedAdjustment(metric, fit.theta(),
                fit.covariateMean(), fit.varianceReduction(), fit.covariateMissing());
        MetricSamples samples = new MetricSamples(metric, table.isBinary(metric), adjustment);
        for (String arm : arms) {
            samples.values.put(arm, new RunningMoments());
            samples.unadjusted.put(arm, new RunningMoments());
            samples.missing.put(arm, 0L);
        }
        for (Unit unit : table.units()) {
            double y = unit.metric(metricIndex);
            if (Double.isNaN(y)) {
                samples.missing.merge(unit.arm(), 1L, Long::sum);
                continue;
            }
            samples.unadjusted.get(unit.arm()).add(y);
            samples.values.get(unit.arm()).add(fit == null ? y : fit.adjust(y, unit.covariate()));
        }
        return samples;
    }

    private static Cuped.Fit fit(UnitTable table, int metricIndex) {
        List<double[]> pairs = new ArrayList<>();
        for (Unit unit : table.units()) {
            if (!Double.isNaN(unit.metric(metricIndex))) {
                pairs.add(new double[] {unit.metric(metricIndex), unit.covariate()});
            }
        }
        double[] y = new double[pairs.size()];
        double[] x = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            y[i] = pairs.get(i)[0];
            x[i] = pairs.get(i)[1];
        }
        try {
            return Cuped.fit(y, x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CUPED on metric '" + table.metricNames().get(metricIndex) + "': "
                    + e.getMessage(), e);
        }
    }

    String metric() {
        return metric;
    }

    boolean binary() {
        return binary;
    }

    /** True when the tests run on CUPED-adjusted values (a Welch test, even for a binary metric). */
    boolean adjusted() {
        return cuped != null;
    }

    CupedAdjustment cuped() {
        return cuped;
    }

    SampleMoments moments(String arm) {
        return values.get(arm).moments();
    }

    SampleMoments unadjustedMoments(String arm) {
        return unadjusted.get(arm).moments();
    }

    /** Units with value 1 of a binary metric (exact: a sum of 0/1 values). */
    long successes(String arm) {
        return Math.round(unadjusted.get(arm).sum());
    }

    long missing(String arm) {
        return missing.get(arm);
    }
}
