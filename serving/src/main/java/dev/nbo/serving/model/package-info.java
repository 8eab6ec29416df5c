/**
 * The champion model as serving runs it: the registry's verified files loaded into ONNX Runtime (propensity and
 * segments) with the encoder that turns a pair's features into the model's input, held behind an atomic reference
 * that a watcher swaps when the registry's champion changes — without failing a request in flight.
 */
package dev.nbo.serving.model;
