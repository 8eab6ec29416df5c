/**
 * The export of the decision and event logs to the warehouse's experiment tables (Parquet, written by
 * {@code dev.nbo.experiments.warehouse}), for the Spark pipeline and the A/B reports. Reads the logs without opening
 * them, so it runs beside a live server.
 */
package dev.nbo.serving.export;
