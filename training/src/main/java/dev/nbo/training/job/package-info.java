/**
 * One training run end to end: read a features run, train the propensity model and the segments, evaluate them
 * against the baselines on the holdout, export both to ONNX and prove parity, register the version and let the
 * promotion gate decide whether it becomes the champion.
 */
package dev.nbo.training.job;
