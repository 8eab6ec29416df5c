package dev.nbo.experiments.report;

import dev.nbo.experiments.report.ExperimentReport.SrmCheck;
import dev.nbo.experiments.stats.SampleRatioMismatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sample-ratio-mismatch check of a report: units per arm against the configured weights (equal when none are
 * configured). A configured arm without units counts 0 units, which is itself a mismatch; an arm in the data without
 * a configured weight is refused, since its expected share is unknown.
 */
final class SplitCheck {
    private SplitCheck() {
    }

    static SrmCheck check(UnitTable table, List<String> arms, ReportSettings settings) {
        Map<String, Long> observed = new LinkedHashMap<>();
        for (String arm : arms) {
            observed.put(arm, 0L);
        }
        for (String configured : settings.expectedWeights().keySet()) {
            observed.putIfAbsent(configured, 0L);
        }
        for (Unit unit : table.units()) {
            observed.merge(unit.arm(), 1L, Long::sum);
        }
        long[] counts = new long[observed.size()];
        double[] weights = new double[observed.size()];
        int i = 0;
        for (Map.Entry<String, Long> arm : observed.entrySet()) {
            counts[i] = arm.getValue();
            weights[i] = weightOf(arm.getKey(), settings);
            i++;
        }
        SampleRatioMismatch.Result result = SampleRatioMismatch.test(counts, weights);
        double weightSum = 0;
        for (double weight : weights) {
            weightSum += weight;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Double> expected = new LinkedHashMap<>();
        i = 0;
        for (String arm : observed.keySet()) {
            shares.put(arm, weights[i] / weightSum);
            expected.put(arm, result.expected()[i]);
            i++;
        }
        boolean mismatch = result.pValue() < settings.srmAlpha();
        return new SrmCheck(observed, shares, expected, result.chiSquare(), result.degreesOfFreedom(),
                result.pValue(), settings.srmAlpha(), mismatch, message(observed, shares, result, settings, mismatch));
    }

    private static double weightOf(String arm, ReportSettings settings) {
        if (settings.expectedWeights().isEmpty()) {
            return 1;
        }
        Double weight = settings.expectedWeights().get(arm);
        if (weight == null) {
            throw new IllegalArgumentException("arm '" + arm + "' has units but no expected weight; weights are "
                    + "configured for " + settings.expectedWeights().keySet() + " (configure every arm, or none for "
                    + "an equal split)");
        }
        return weight;
    }

    private static String message(Map<String, Long> observed, Map<String, Double> shares,
                                  SampleRatioMismatch.Result result, ReportSettings settings, boolean mismatch) {
        String p = String.format(Locale.ROOT, "%.3g", result.pValue());
        if (!mismatch) {
            return "The split matches the expected split (chi-square p = " + p + ").";
        }
        StringBuilder expected = new StringBuilder();
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            expected.append(expected.length() == 0 ? "" : ", ").append(share.getKey()).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f%%", share.getValue() * 100));
        }
        return "SAMPLE RATIO MISMATCH: units per arm " + observed + " do not fit the expected split (" + expected
                + "); chi-square p = " + p + " < " + settings.srmAlpha() + ". Assignment or logging lost or "
                + "duplicated units, so no result of this report can be trusted. Find and fix the cause before "
                + "reading the lifts.";
    }
}
