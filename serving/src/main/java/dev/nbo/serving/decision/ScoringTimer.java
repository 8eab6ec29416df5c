package dev.nbo.serving.decision;

/**
 * Receives the time of each ONNX Runtime call a decision makes ({@code propensity}: one batch for all candidates;
 * {@code segments}: the customer's segment), without the encoding, for the scoring latency metric: with a wide block the tree ensemble is
 * the largest single cost of a decision, and an operator sizing a deployment needs to see it apart.
 */
@FunctionalInterface
public interface ScoringTimer {
    ScoringTimer NONE = (model, rows, nanos, cpuNanos) -> { };

    /**
     * @param nanos    the call's wall-clock time (its latency, waits for a core included)
     * @param cpuNanos the CPU time the calling thread used in it (ONNX Runtime scores on the calling thread)
     */
    void observe(String model, int rows, long nanos, long cpuNanos);
}
