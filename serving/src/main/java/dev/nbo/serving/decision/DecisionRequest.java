package dev.nbo.serving.decision;

/** One request: the customer, the block, how many offers at most, whether to explain. */
public record DecisionRequest(String requestId, String customerId, BlockPolicy block, int limit, boolean explain,
                              long nowMicros) {

    public DecisionRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
