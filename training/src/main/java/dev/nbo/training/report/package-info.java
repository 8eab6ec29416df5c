/**
 * The training report: {@link dev.nbo.training.report.TrainingReport} turns a model version's metrics.json into
 * report.html, a single self-contained page (inline CSS, inline SVG charts drawn here in Java, no script, no URL)
 * that data scientists and marketers read to decide whether the new model beats the current one, the baselines
 * and the marketers' rules.
 *
 * <p>The page follows metrics.json section by section: verdict and run facts, model vs baselines, gain and lift,
 * calibration, feature importance, segments, parity and provenance. Each {@link
 * dev.nbo.training.report.ReportSection} decides from the figures whether it applies, so a run without rules, segments
 * or parity renders without those parts. Every text from metrics.json passes through {@link
 * dev.nbo.training.report.Html} escaping; charts are built with {@link dev.nbo.training.report.Svg}, which escapes
 * the same way, so the whole page is also well-formed XML.
 */
package dev.nbo.training.report;
