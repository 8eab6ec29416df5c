/** The feature pipeline run: options, orchestration of validation, snapshots, pairs and the online snapshot. */
package dev.nbo.features.pipeline;
