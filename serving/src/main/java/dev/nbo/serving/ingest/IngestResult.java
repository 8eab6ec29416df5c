package dev.nbo.serving.ingest;

import java.util.List;

/**
 * What became of a batch.
 *
 * @param accepted   events now durable in the log and applied to the sink
 * @param duplicates events whose id was already accepted (earlier, or earlier in the same batch); not stored again
 * @param rejected   invalid events, in batch order
 */
public record IngestResult(int accepted, int duplicates, List<Rejection> rejected) {
    public IngestResult {
        if (accepted < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts must be >= 0; got accepted=" + accepted + ", duplicates="
                    + duplicates);
        }
        rejected = List.copyOf(rejected);
    }
}
