/**
 * Experiments in the service: each request of a block that runs an experiment is decided in its customer's arm
 * ({@link dev.nbo.serving.experiment.ExperimentDecider}), logged with the arm, its probability and every arm's first
 * choice, and reported on from the decision and event logs ({@link dev.nbo.serving.experiment.ExperimentsRoutes}).
 */
package dev.nbo.serving.experiment;
