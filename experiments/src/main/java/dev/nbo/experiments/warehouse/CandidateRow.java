package dev.nbo.experiments.warehouse;

import java.util.Objects;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * One row of the {@code decision_candidates} table: a candidate offer of a decision with its score, for retraining.
 *
 * @param score the model's propensity, or the rule's priority as a score
 * @param rank  its position among the offers served (1 = first), null when it was not served
 */
public record CandidateRow(String requestId, String offerId, double score, Integer rank) {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message decision_candidates {
              required binary request_id (STRING);
              required binary offer_id (STRING);
              required double score;
              optional int32 rank;
            }
            """);

    public CandidateRow {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(offerId, "offerId");
        if (rank != null && rank < 1) {
            throw new IllegalArgumentException("rank of offer " + offerId + " in " + requestId + " must be 1 or more,"
                    + " got " + rank);
        }
    }

    void write(RecordConsumer out) {
        out.startMessage();
        ParquetFields.string(out, "request_id", 0, requestId);
        ParquetFields.string(out, "offer_id", 1, offerId);
        ParquetFields.float64(out, "score", 2, score);
        ParquetFields.int32(out, "rank", 3, rank);
        out.endMessage();
    }

    static CandidateRow read(Group row) {
        return new CandidateRow(ParquetFields.requiredString(row, "request_id"),
                ParquetFields.requiredString(row, "offer_id"), row.getDouble("score", 0),
                ParquetFields.int32(row, "rank"));
    }
}
