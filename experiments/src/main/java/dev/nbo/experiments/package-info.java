/**
 * Experiments: which arm a customer falls in ({@code assign}), what experiments.yaml says ({@code config}), which
 * outcomes a decision earned ({@code attribution}), and the A/B report engine ({@code stats}, {@code report}).
 * Pure Java: the serving module answers reports with it; the report command runs it on exported tables.
 */
package dev.nbo.experiments;
