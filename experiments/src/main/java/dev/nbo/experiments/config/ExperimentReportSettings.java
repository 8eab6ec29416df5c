package dev.nbo.experiments.config;

import dev.nbo.experiments.report.ReportSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one of the platform's experiments is analysed, wherever its report is made (served, or from the warehouse):
 * compared with its control, split checked against its arms' shares, 95% intervals, SRM alarm below p = 0.001.
 */
public final class ExperimentReportSettings {
    private ExperimentReportSettings() {
    }

    public static ReportSettings of(ExperimentSpec experiment) {
        Map<String, Double> shares = new LinkedHashMap<>();
        experiment.arms().forEach(arm -> shares.put(arm.name(), experiment.share(arm.name())));
        return new ReportSettings("Experiment " + experiment.name() + " on block " + experiment.block(),
                experiment.control(), shares, false, ReportSettings.DEFAULT_CONFIDENCE,
                ReportSettings.DEFAULT_SRM_ALPHA);
    }
}
