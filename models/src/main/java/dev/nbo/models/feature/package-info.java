/**
 * Feature definitions ({@code features.yaml}): one declaration per feature, compiled to Spark for batch and
 * maintained incrementally online by {@code dev.nbo.models.aggregate}. {@link dev.nbo.models.feature.Window}
 * documents the time semantics both follow.
 */
package dev.nbo.models.feature;
