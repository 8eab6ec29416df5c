package dev.nbo.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One ONNX model in ONNX Runtime, reading the float matrix {@code features} [N, F] (NaN = missing). Thread-safe:
 * ONNX Runtime sessions may run concurrently.
 */
final class OnnxScorer implements AutoCloseable {
    static final String INPUT = "features";

    private final OrtSession session;
    private final Path file;
    private final int width;

    private OnnxScorer(OrtSession session, Path file, int width) {
        this.session = session;
        this.file = file;
        this.width = width;
    }

    static OnnxScorer open(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // one request is one small batch: more intra-op threads only add hand-offs
            options.setIntraOpNumThreads(1);
            OrtSession session = OrtEnvironment.getEnvironment().createSession(bytes, options);
            var info = session.getInputInfo().get(INPUT);
            if (info == null) {
                session.close();
                throw new IllegalArgumentException(file + " has no input '" + INPUT + "'; export it with ./nbo train");
            }
            long[] shape = ((ai.onnxruntime.TensorInfo) info.getInfo()).getShape();
            return new OnnxScorer(session, file, (int) shape[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalArgumentException(file + " is not a model ONNX Runtime can load (" + e.getMessage()
                    + "); re-register it with ./nbo train", e);
        }
    }

    int width() {
        return width;
    }

    Map<String, String> metadata() {
        try {
            return session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot read the metadata of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs the model on {@code rows} (each of length {@link #width()}) and returns the named output. */
    Object run(float[][] rows, String output) {
        float[] matrix = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("a row of " + rows[i].length + " values for " + file
                        + ", which reads " + width);
            }
            System.arraycopy(rows[i], 0, matrix, i * width, width);
        }
        return run(matrix, output);
    }

    /** Runs the model on a row-major matrix [n, {@link #width()}] and returns the named output. */
    Object run(float[] matrix, String output) {
        if (matrix.length % width != 0) {
            throw new IllegalArgumentException(matrix.length + " values are not whole rows of " + width + " for "
                    + file);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(matrix),
                new long[] {matrix.length / width, width});
             OrtSession.Result result = session.run(Map.of(INPUT, input))) {
            return result.get(output).orElseThrow(() -> new IllegalStateException(file + " has no output " + output))
                    .getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session that is already gone frees nothing more
        }
    }
}
