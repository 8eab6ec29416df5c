/**
 * The decision: for one customer and one email block, candidates → eligibility → one ONNX Runtime batch for all
 * candidates → segment → arbitration (propensity × value × block weight) → rules → diversity → top-k, each offer
 * with the reasons that put it there. Unknown and opted-out customers get the block's non-personal fallback.
 */
package dev.nbo.serving.decision;
