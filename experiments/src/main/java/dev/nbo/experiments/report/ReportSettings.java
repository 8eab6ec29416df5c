package dev.nbo.experiments.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to analyse an experiment.
 *
 * @param title           shown at the top of the report
 * @param controlArm      the arm every other arm is compared with
 * @param expectedWeights the configured split by arm, for the sample-ratio-mismatch test; empty = equal split. Need
 *                        not sum to 1 (they are normalised) but must be positive
 * @param cuped           adjust every metric with the units' pre-period covariate
 * @param confidence      of every interval, and 1 - confidence is the significance level (0.95)
 * @param srmAlpha        the SRM p-value below which the split is declared broken (0.001)
 */
public record ReportSettings(String title, String controlArm, Map<String, Double> expectedWeights, boolean cuped,
                             double confidence, double srmAlpha) {
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_SRM_ALPHA = 0.001;

    public ReportSettings {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("report title must not be blank, got '" + title + "'");
        }
        if (controlArm == null || controlArm.isBlank()) {
            throw new IllegalArgumentException("control arm must not be blank, got '" + controlArm + "'");
        }
        expectedWeights = Collections.unmodifiableMap(new TreeMap<>(expectedWeights == null ? Map.of()
                : expectedWeights));
        for (Map.Entry<String, Double> weight : expectedWeights.entrySet()) {
            if (weight.getValue() == null || !(weight.getValue() > 0) || weight.getValue().isInfinite()) {
                throw new IllegalArgumentException("expected weight of arm '" + weight.getKey()
                        + "' must be positive, got " + weight.getValue());
            }
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0.5, 1), got " + confidence);
        }
        if (!(srmAlpha > 0 && srmAlpha < 1)) {
            throw new IllegalArgumentException("srmAlpha must be in (0, 1), got " + srmAlpha);
        }
    }

    /** Equal split, no CUPED, 95% confidence, SRM alarm below p = 0.001. */
    public static ReportSettings defaults(String title, String controlArm) {
        return new ReportSettings(title, controlArm, Map.of(), false, DEFAULT_CONFIDENCE, DEFAULT_SRM_ALPHA);
    }

    public double alpha() {
        return 1 - confidence;
    }
}
