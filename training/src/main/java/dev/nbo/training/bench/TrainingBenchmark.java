package dev.nbo.training.bench;

import dev.nbo.models.encode.EncoderConfig;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.training.data.FeatureRun;
import dev.nbo.training.data.HoldoutSplit;
import dev.nbo.training.data.PairRow;
import dev.nbo.training.data.PairTable;
import dev.nbo.training.data.TrainingPairsReader;
import dev.nbo.training.onnx.FeatureMatrix;
import dev.nbo.training.onnx.OnnxModelMetadata;
import dev.nbo.training.onnx.OnnxModelSession;
import dev.nbo.training.onnx.TreeEnsembleOnnxExporter;
import dev.nbo.training.propensity.PropensityConfig;
import dev.nbo.training.propensity.PropensityModel;
import dev.nbo.training.propensity.PropensityTrainer;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Trains the propensity model of a features run, exports it, and times single-row and batch scoring with ONNX
 * Runtime and with Tribuo, alternating the two so that both see the same machine load.
 */
public final class TrainingBenchmark {
    private final SparkSession spark;
    private final PrintStream out;

    public TrainingBenchmark(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    public void run(FeatureRun run, FeatureSpec spec, PropensityConfig config, int singleCalls, int batchSize,
                    int batchCalls) {
        PairTable all = new TrainingPairsReader(spark).read(run, spec);
        HoldoutSplit split = HoldoutSplit.of(run, 1);
        PairTable train = all.only(split.trainSet());
        List<PairRow> holdout = all.only(split.holdoutSet()).rows();

        long started = System.nanoTime();
        PropensityModel model = new PropensityTrainer(config, EncoderConfig.DEFAULT, s -> { })
                .train(spec, train, run.snapshotId());
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        byte[] onnx = TreeEnsembleOnnxExporter.export(model.model(),
                OnnxModelMetadata.of(model.model(), spec.hash(), "bench"));
        double exportSeconds = (System.nanoTime() - started) / 1e9;

        List<Example<Label>> examples = model.examples(holdout.stream().map(PairRow::scoringRow).toList());
        float[][] matrix = FeatureMatrix.of(examples, model.model().getFeatureIDMap());
        int batch = Math.min(batchSize, examples.size());
        long[] onnxSingle = new long[singleCalls];
        long[] tribuoSingle = new long[singleCalls];
        long[] onnxBatch = new long[batchCalls];
        long[] tribuoBatch = new long[batchCalls];
        try (OnnxModelSession session = OnnxModelSession.open(onnx, "bench")) {
            for (int warm = 0; warm < 200; warm++) {
                session.propensities(new float[][] {matrix[warm % matrix.length]});
                model.model().predict(examples.get(warm % examples.size()));
            }
            for (int i = 0; i < singleCalls; i++) {
                int row = i % matrix.length;
                long t = System.nanoTime();
                session.propensities(new float[][] {matrix[row]});
                onnxSingle[i] = System.nanoTime() - t;
                t = System.nanoTime();
                model.model().predict(examples.get(row));
                tribuoSingle[i] = System.nanoTime() - t;
            }
            float[][] batchRows = java.util.Arrays.copyOf(matrix, batch);
            List<Example<Label>> batchExamples = examples.subList(0, batch);
            for (int i = 0; i < batchCalls; i++) {
                long t = System.nanoTime();
                session.propensities(batchRows);
                onnxBatch[i] = System.nanoTime() - t;
                t = System.nanoTime();
                model.model().predict(batchExamples);
                tribuoBatch[i] = System.nanoTime() - t;
            }
        }
        out.printf("Training: %,d pairs x %d inputs, %d boosting rounds of depth %d, %d threads: %.1f s, "
                + "%,.0f rows/s%n", train.size(), model.inputNames().size(), config.trees(), config.maxDepth(),
                config.threads(), trainSeconds, train.size() / trainSeconds);
        out.printf("ONNX export: %.3f s (%,d bytes)%n", exportSeconds, onnx.length);
        out.printf("Scoring latency (%s rows of the holdout; ONNX Runtime and Tribuo alternate):%n", batch);
        out.printf("  %-26s %8s %12s %12s%n", "", "calls", "p50 (us)", "p99 (us)");
        for (LatencySample sample : List.of(LatencySample.of("ONNX Runtime, 1 row", onnxSingle),
                LatencySample.of("Tribuo predict, 1 row", tribuoSingle),
                LatencySample.of("ONNX Runtime, " + batch + " rows", onnxBatch),
                LatencySample.of("Tribuo predict, " + batch + " rows", tribuoBatch))) {
            out.printf("  %-26s %8d %12.1f %12.1f%n", sample.what(), sample.calls(), sample.p50Micros(),
                    sample.p99Micros());
        }
        out.printf("  ratio Tribuo/ONNX (p50): 1 row %.1fx, %d rows %.1fx%n",
                LatencySample.of("", tribuoSingle).p50Micros() / LatencySample.of("", onnxSingle).p50Micros(), batch,
                LatencySample.of("", tribuoBatch).p50Micros() / LatencySample.of("", onnxBatch).p50Micros());
    }
}
