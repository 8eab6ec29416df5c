/**
 * The experiment tables of the warehouse as Parquet files, written and read without Spark: {@code decisions},
 * {@code decision_candidates} and {@code email_events} ({@link dev.nbo.experiments.warehouse.ExperimentTable}), each
 * one file {@code <warehouse>/<table>/part-00000.parquet} replaced atomically by every export
 * ({@link dev.nbo.experiments.warehouse.TableWriter}), read back into rows, exposures and outcomes
 * ({@link dev.nbo.experiments.warehouse.TableReader}, {@link dev.nbo.experiments.warehouse.ExportedLogs}).
 *
 * <p>Writing needs no Hadoop class (uncompressed pages on a {@code LocalOutputFile}), so serving can export its logs
 * with Hadoop kept off its classpath; reading uses parquet-hadoop's file reader, which needs the Hadoop client (an
 * optional dependency of this module, present where reports run). See docs/experiments.md, "Exporting the logs".
 */
package dev.nbo.experiments.warehouse;
