package dev.nbo.training.onnx;

/**
 * How closely an exported propensity model scores like Tribuo on a set of rows.
 *
 * @param rows       the number of rows compared
 * @param maxAbsDiff the largest |ONNX − Tribuo| over all rows; infinite when a score is NaN on one side only
 * @param worstRow   the row with that difference, -1 when there are no rows
 */
public record PropensityParity(int rows, double maxAbsDiff, int worstRow) {
    /**
     * True when there were rows and every one is within {@link OnnxParity#TOLERANCE}; registration refuses the
     * model otherwise (a check on no rows proves nothing).
     */
    public boolean passes() {
        return rows > 0 && maxAbsDiff <= OnnxParity.TOLERANCE;
    }
}
