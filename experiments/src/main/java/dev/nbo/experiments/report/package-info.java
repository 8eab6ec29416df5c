/**
 * The A/B report engine: a {@link dev.nbo.experiments.report.UnitTable} of units (arm, metric values, optional
 * pre-period covariate and timestamp) and optional logged decisions go in through
 * {@link dev.nbo.experiments.report.ReportEngine#analyze}; an {@link dev.nbo.experiments.report.ExperimentReport}
 * comes out, which {@link dev.nbo.experiments.report.ReportJson} turns into the JSON serving answers with and
 * {@link dev.nbo.experiments.report.ReportWriter} into report.json, report.csv and report.html. Tables are read from
 * files through {@link dev.nbo.experiments.report.UnitTableReader}. The statistics themselves live in
 * {@code dev.nbo.experiments.stats}; docs/ab-reports.md explains every number.
 */
package dev.nbo.experiments.report;
