package dev.nbo.training.onnx;

/**
 * What a k-means ONNX model returns for a batch of rows.
 *
 * @param segments  the nearest centroid of each row
 * @param distances the Euclidean distance of each row to each centroid, in the standardised space
 */
public record SegmentScores(long[] segments, float[][] distances) {
    public SegmentScores {
        if (segments.length != distances.length) {
            throw new IllegalArgumentException(segments.length + " segments for " + distances.length
                    + " rows of distances");
        }
    }

    public int rows() {
        return segments.length;
    }
}
