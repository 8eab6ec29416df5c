package dev.nbo.training.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * An exported model loaded in ONNX Runtime, as serving will load it, to score float feature matrices at export
 * time. Rows are scored in batches so that a whole holdout set never needs one huge tensor.
 */
public final class OnnxModelSession implements AutoCloseable {
    private static final int BATCH_ROWS = 4096;

    private final OrtSession session;
    private final String source;
    private final int width;

    private OnnxModelSession(OrtSession session, String source) throws OrtException {
        this.session = session;
        this.source = source;
        NodeInfo input = session.getInputInfo().get(FeatureMatrix.INPUT);
        if (input == null || !(input.getInfo() instanceof TensorInfo)) {
            throw new IllegalArgumentException(source + " has no tensor input '" + FeatureMatrix.INPUT
                    + "' (inputs: " + session.getInputNames() + "); export it with NBO's exporters");
        }
        long[] shape = ((TensorInfo) input.getInfo()).getShape();
        if (shape.length != 2 || shape[1] <= 0) {
            throw new IllegalArgumentException(source + " reads input '" + FeatureMatrix.INPUT
                    + "' of shape " + Arrays.toString(shape) + "; NBO's models read [N, features]");
        }
        this.width = (int) shape[1];
    }

    /** Loads the model file; a file ONNX Runtime cannot load is refused with a message naming it. */
    public static OnnxModelSession open(Path file) {
        byte[] model;
        try {
            model = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ONNX model " + file + ": " + e.getMessage(), e);
        }
        return open(model, file.toString());
    }

    /**
     * Loads a serialised model; {@code source} names it in error messages (a file name, or e.g. "propensity model
     * v3 being registered").
     */
    public static OnnxModelSession open(byte[] model, String source) {
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            session = OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException(source + " is not a model ONNX Runtime can load (" + e.getMessage()
                    + "); export it again with TreeEnsembleOnnxExporter or KMeansOnnxExporter", e);
        }
        try {
            return new OnnxModelSession(session, source);
        } catch (OrtException e) {
            closeQuietly(session);
            throw new IllegalStateException("ONNX Runtime cannot describe the inputs of " + source + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The model's {@code metadata_props}, as ONNX Runtime reads them. */
    public Map<String, String> customMetadata() {
        try {
            return session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot read the metadata of " + source + ": "
                    + e.getMessage(), e);
        }
    }

    /** The number of input columns the model reads. */
    public int width() {
        return width;
    }

    /** Output {@code propensity} of a tree-ensemble model, one value per row. */
    public float[] propensities(float[][] features) {
        float[] propensities = new float[features.length];
        for (int start = 0; start < features.length; start += BATCH_ROWS) {
            int rows = Math.min(BATCH_ROWS, features.length - start);
            try (OnnxTensor input = tensor(features, start, rows);
                 OrtSession.Result result = session.run(Map.of(FeatureMatrix.INPUT, input))) {
                output(result, TreeEnsembleOnnxExporter.OUTPUT).getFloatBuffer().get(propensities, start, rows);
            } catch (OrtException e) {
                throw scoringFailed(e);
            }
        }
        return propensities;
    }

    /** Outputs {@code segment} and {@code distances} of a k-means model. */
    public SegmentScores segments(float[][] features) {
        long[] segments = new long[features.length];
        float[][] distances = new float[features.length][];
        for (int start = 0; start < features.length; start += BATCH_ROWS) {
            int rows = Math.min(BATCH_ROWS, features.length - start);
            try (OnnxTensor input = tensor(features, start, rows);
                 OrtSession.Result result = session.run(Map.of(FeatureMatrix.INPUT, input))) {
                output(result, KMeansOnnxExporter.SEGMENT).getLongBuffer().get(segments, start, rows);
                OnnxTensor distanceTensor = output(result, KMeansOnnxExporter.DISTANCES);
                int k = (int) distanceTensor.getInfo().getShape()[1];
                FloatBuffer flat = distanceTensor.getFloatBuffer();
                for (int row = 0; row < rows; row++) {
                    distances[start + row] = new float[k];
                    flat.get(distances[start + row]);
                }
            } catch (OrtException e) {
                throw scoringFailed(e);
            }
        }
        return new SegmentScores(segments, distances);
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private OnnxTensor tensor(float[][] features, int start, int rows) throws OrtException {
        FloatBuffer buffer = FloatBuffer.allocate(rows * width);
        for (int row = start; row < start + rows; row++) {
            if (features[row].length != width) {
                throw new IllegalArgumentException("row " + row + " has " + features[row].length + " values but "
                        + source + " reads " + width + " features; build rows with FeatureMatrix");
            }
            buffer.put(features[row]);
        }
        buffer.flip();
        return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buffer, new long[] {rows, width});
    }

    private OnnxTensor output(OrtSession.Result result, String name) {
        OnnxValue value = result.get(name).orElseThrow(() -> new IllegalArgumentException(source
                + " has no output '" + name + "'; it is not the kind of model this call scores"));
        return (OnnxTensor) value;
    }

    private IllegalStateException scoringFailed(OrtException e) {
        return new IllegalStateException("ONNX Runtime failed to score with " + source + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // Nothing to recover: the session is being discarded.
            }
        }
    }
}
