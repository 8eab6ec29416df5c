package dev.nbo.training.onnx;

/**
 * How closely an exported k-means model segments like Tribuo on a set of rows.
 *
 * @param rows               the number of rows compared
 * @param mismatchedSegments rows whose ONNX segment differs from the expected one
 * @param firstMismatchRow   the first such row, -1 when there is none
 * @param maxDistanceDiff    the largest |ONNX − expected| distance over all rows and centroids
 */
public record SegmentParity(int rows, int mismatchedSegments, int firstMismatchRow, double maxDistanceDiff) {
    /**
     * True when there were rows, no segment differs and every distance is within {@link OnnxParity#TOLERANCE}
     * (a check on no rows proves nothing).
     */
    public boolean passes() {
        return rows > 0 && mismatchedSegments == 0 && maxDistanceDiff <= OnnxParity.TOLERANCE;
    }
}
