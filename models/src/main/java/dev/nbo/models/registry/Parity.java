package dev.nbo.models.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The export check "exported = trained": ONNX Runtime's scores against the trainer's on {@code rows} evaluation rows,
 * and ONNX segment assignments against the trainer's on {@code segmentRows} rows.
 *
 * <p>{@code passed} is stored, not derived, so that a reader sees what training decided; the constructor refuses a
 * {@code passed} that the figures contradict, so a manifest cannot claim a parity it does not show.
 */
public record Parity(
        @JsonProperty("rows") long rows,
        @JsonProperty("max_abs_diff") double maxAbsDiff,
        @JsonProperty("segment_rows") long segmentRows,
        @JsonProperty("segment_mismatches") long segmentMismatches,
        @JsonProperty("tolerance") double tolerance,
        @JsonProperty("passed") boolean passed) {

    public Parity {
        if (rows < 0 || segmentRows < 0) {
            throw new IllegalArgumentException("parity rows and segment_rows must not be negative, got " + rows
                    + " and " + segmentRows);
        }
        if (segmentMismatches < 0 || segmentMismatches > segmentRows) {
            throw new IllegalArgumentException("parity segment_mismatches must be between 0 and segment_rows ("
                    + segmentRows + "), got " + segmentMismatches);
        }
        if (!(maxAbsDiff >= 0) || Double.isInfinite(maxAbsDiff)) {
            throw new IllegalArgumentException("parity max_abs_diff must be a finite number >= 0, got " + maxAbsDiff);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("parity tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (passed && !figuresPass(rows, maxAbsDiff, segmentMismatches, tolerance)) {
            throw new IllegalArgumentException("parity says passed but its figures fail (rows " + rows
                    + ", max_abs_diff " + maxAbsDiff + ", tolerance " + tolerance + ", segment_mismatches "
                    + segmentMismatches + "); a check on no rows, above tolerance or with mismatched segments fails");
        }
    }

    /** A parity whose {@code passed} follows from the figures. */
    public static Parity of(long rows, double maxAbsDiff, long segmentRows, long segmentMismatches, double tolerance) {
        return new Parity(rows, maxAbsDiff, segmentRows, segmentMismatches, tolerance,
                figuresPass(rows, maxAbsDiff, segmentMismatches, tolerance));
    }

    /** Why the check failed, for messages; empty text when it passed. */
    public String failure() {
        if (passed) {
            return "";
        }
        return "max_abs_diff " + maxAbsDiff + " against tolerance " + tolerance + " on " + rows + " rows, "
                + segmentMismatches + " of " + segmentRows + " segment assignments differ";
    }

    private static boolean figuresPass(long rows, double maxAbsDiff, long segmentMismatches, double tolerance) {
        return rows > 0 && maxAbsDiff <= tolerance && segmentMismatches == 0;
    }
}
