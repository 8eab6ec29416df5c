package dev.nbo.serving.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

    /** Output {@code output} (a float tensor) of the model on a row-major matrix [n, {@link #width()}], flattened. */
    float[] floats(float[] matrix, String output) {
        return run(matrix, output, tensor -> {
            FloatBuffer values = tensor.getFloatBuffer();
            float[] flat = new float[values.remaining()];
            values.get(flat);
            return flat;
        });
    }

    /** Output {@code output} (an int64 tensor) of the model on a row-major matrix [n, {@link #width()}], flattened. */
    long[] longs(float[] matrix, String output) {
        return run(matrix, output, tensor -> {
            LongBuffer values = tensor.getLongBuffer();
            long[] flat = new long[values.remaining()];
            values.get(flat);
            return flat;
        });
    }

    /**
     * Runs the model for the one output the caller reads (ONNX Runtime then neither computes nor converts the others)
     * from a direct buffer of the calling thread: a heap array would be copied into a new direct buffer per call,
     * whose memory is only freed by a later GC.
     */
    private <T> T run(float[] matrix, String output, Function<OnnxTensor, T> read) {
        if (matrix.length % width != 0) {
            throw new IllegalArgumentException(matrix.length + " values are not whole rows of " + width + " for "
                    + file);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor input = OnnxTensor.createTensor(env, InputBuffers.holding(matrix),
                new long[] {matrix.length / width, width});
             OrtSession.Result result = session.run(Map.of(INPUT, input), Set.of(output))) {
            OnnxValue value = result.get(output).orElseThrow(() ->
                    new IllegalStateException(file + " has no output " + output));
            if (!(value instanceof OnnxTensor tensor)) {
                throw new IllegalStateException(file + ": output " + output + " is not a tensor");
            }
            return read.apply(tensor);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + file + ": " + e.getMessage(), e);
        }
    }

    /** The calling thread's reusable direct input buffer (sessions score on the calling thread, synchronously). */
    private static final class InputBuffers {
        /** Larger inputs (batches far wider than a block) get a buffer of their own, freed with it. */
        private static final int MAX_KEPT_FLOATS = 1 << 16;
        private static final ThreadLocal<FloatBuffer> KEPT = new ThreadLocal<>();

        static FloatBuffer holding(float[] matrix) {
            FloatBuffer buffer = KEPT.get();
            if (buffer == null || buffer.capacity() < matrix.length) {
                buffer = ByteBuffer.allocateDirect(Math.max(matrix.length, 1024) * Float.BYTES)
                        .order(ByteOrder.nativeOrder()).asFloatBuffer();
                if (buffer.capacity() <= MAX_KEPT_FLOATS) {
                    KEPT.set(buffer);
                }
            }
            buffer.clear();
            buffer.put(matrix);
            buffer.flip();
            return buffer;
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
