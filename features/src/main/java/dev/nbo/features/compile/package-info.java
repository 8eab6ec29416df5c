/**
 * Compiling {@code features.yaml} into Spark: logical source views, offer linking, and point-in-time snapshots
 * with one generic expression per aggregation kind.
 */
package dev.nbo.features.compile;
