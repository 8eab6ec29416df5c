/**
 * {@code ./nbo bench training}: training throughput, export time, and the scoring latency of ONNX Runtime next to
 * Tribuo's own predict for the same model, measured side by side in one run.
 */
package dev.nbo.training.bench;
