package dev.nbo.models.encode;

/**
 * The model inputs of one row: parallel arrays of input names and values. Inputs whose value is missing are left
 * out, so that the model (and its ONNX export, which receives NaN there) treats them as missing, not as zero.
 */
public record EncodedRow(String[] names, double[] values) {

    public EncodedRow {
        if (names.length != values.length) {
            throw new IllegalArgumentException("names and values differ in length: " + names.length + " vs " + values.length);
        }
    }

    public int size() {
        return names.length;
    }
}
