package dev.nbo.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The exported k-means graph segments raw rows like Tribuo's {@code KMeansModel} does on the same rows
 * standardised, NaN meaning "at the mean". Feature names are given out of alphabetical order so that the
 * columns follow Tribuo's feature ids, not the order the data was written in.
 */
class KMeansOnnxExporterTest {
    private static final List<String> NAMES = List.of("zeta", "alpha", "mid", "beta", "omega", "gamma", "kappa",
            "delta");
    private static final ClusteringFactory CLUSTERS = new ClusteringFactory();

    @Test
    void segmentsLikeTribuoWithTwoFeaturesOnVeryDifferentScales() {
        assertParity(new Blobs(31, 2, 3, 0), 3);
    }

    @Test
    void segmentsLikeTribuoWithMissingValues() {
        assertParity(new Blobs(32, 5, 5, 0.25), 5);
    }

    @Test
    void segmentsLikeTribuoWithEightFeaturesAndEightSegments() {
        assertParity(new Blobs(33, 8, 8, 0.05), 8);
    }

    @Test
    void breaksTiesTowardsTheLowestCentroidAndImputesTheMean() {
        double[][] centroids = {{1, 0}, {1, 0}, {-1, 0}};
        byte[] onnx = KMeansOnnxExporter.export(new double[] {10, 20}, new double[] {2, 4}, centroids,
                metadata(List.of("a", "b")));
        float[][] rows = {
                {12, 20},           // standardised (1, 0): on centroids 0 and 1
                {10, 20},           // (0, 0): as far from every centroid
                {Float.NaN, 20},    // a missing value is the mean: (0, 0) again
                {6, Float.NaN},     // (-2, 0): nearest centroid 2
        };

        try (OnnxModelSession session = OnnxModelSession.open(onnx, "tie model")) {
            SegmentScores scores = session.segments(rows);

            assertThat(scores.segments()).containsExactly(0, 0, 0, 2);
            assertThat(scores.distances()[0]).containsExactly(0f, 0f, 2f);
            assertThat(scores.distances()[2]).containsExactly(1f, 1f, 1f);
            assertThat(scores.distances()[3]).containsExactly(3f, 3f, 1f);
        }
    }

    @Test
    void refusesAStandardDeviationThatIsNotPositive() {
        assertThatThrownBy(() -> KMeansOnnxExporter.export(new double[] {0, 0}, new double[] {1, 0},
                new double[][] {{0, 0}}, metadata(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard deviation of feature 'b' is 0.0");
    }

    @Test
    void refusesACentroidOfTheWrongWidth() {
        assertThatThrownBy(() -> KMeansOnnxExporter.export(new double[] {0, 0}, new double[] {1, 1},
                new double[][] {{0, 0}, {1, 2, 3}}, metadata(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("centroid 1 has 3 values for 2 features");
    }

    @Test
    void refusesMeansThatDoNotMatchTheFeatureNames() {
        assertThatThrownBy(() -> KMeansOnnxExporter.export(new double[] {0}, new double[] {1, 1},
                new double[][] {{0, 0}}, metadata(List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("means has 1 values for 2 features");
    }

    /** Trains Tribuo k-means on standardised blobs, exports, and compares on fresh raw rows. */
    private static void assertParity(Blobs blobs, int k) {
        List<float[]> trainRows = blobs.rows(1500);
        Standardisation standardisation = Standardisation.of(trainRows, blobs.features);
        KMeansModel model = new KMeansTrainer(k, 25, new L2Distance(), 1, 5L)
                .train(dataset(trainRows, standardisation));

        // Tribuo numbers features by name, so its column j is not necessarily the j-th generated one.
        List<String> columns = FeatureMatrix.columnNames(model.getFeatureIDMap());
        int[] generated = columns.stream().mapToInt(NAMES::indexOf).toArray();
        double[] means = new double[columns.size()];
        double[] stds = new double[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            means[j] = standardisation.means[generated[j]];
            stds[j] = standardisation.stds[generated[j]];
        }
        double[][] centroids = KMeansOnnxExporter.centroids(model);
        byte[] onnx = KMeansOnnxExporter.export(means, stds, centroids, OnnxModelMetadata.of(model, "hash", "v1"));

        List<float[]> rows = blobs.rows(1000);
        float[][] matrix = new float[rows.size()][columns.size()];
        int[] expectedSegments = new int[rows.size()];
        double[][] expectedDistances = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            double[] z = new double[columns.size()];
            for (int j = 0; j < columns.size(); j++) {
                float raw = rows.get(i)[generated[j]];
                matrix[i][j] = raw;
                z[j] = Float.isNaN(raw) ? 0 : (raw - means[j]) / stds[j];
            }
            expectedSegments[i] = model.predict(example(rows.get(i), standardisation)).getOutput().getID();
            expectedDistances[i] = distances(z, centroids);
        }

        try (OnnxModelSession session = OnnxModelSession.open(onnx, "k-means model")) {
            SegmentParity parity = OnnxParity.segments(session, matrix, expectedSegments, expectedDistances);

            assertThat(parity.rows()).isEqualTo(1000);
            assertThat(parity.mismatchedSegments()).as("first mismatch at row %d", parity.firstMismatchRow())
                    .isZero();
            assertThat(parity.maxDistanceDiff()).isLessThanOrEqualTo(1e-5);
            assertThat(parity.passes()).isTrue();
            Set<Long> segments = new HashSet<>();
            for (long segment : session.segments(matrix).segments()) {
                segments.add(segment);
            }
            assertThat(segments).as("segments used").hasSize(k);
        }
        assertThat(blobs.missingRate == 0 || hasNaN(matrix)).as("NaN rows in the parity matrix").isTrue();
    }

    private static double[] distances(double[] z, double[][] centroids) {
        double[] distances = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                sum += (z[j] - centroids[c][j]) * (z[j] - centroids[c][j]);
            }
            distances[c] = Math.sqrt(sum);
        }
        return distances;
    }

    private static MutableDataset<ClusterID> dataset(List<float[]> rows, Standardisation standardisation) {
        MutableDataset<ClusterID> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", CLUSTERS),
                CLUSTERS);
        rows.forEach(row -> dataset.add(example(row, standardisation)));
        return dataset;
    }

    /** A standardised Tribuo example; a missing value is left out, i.e. 0, the standardised mean. */
    private static Example<ClusterID> example(float[] row, Standardisation standardisation) {
        ArrayExample<ClusterID> example = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID);
        for (int j = 0; j < row.length; j++) {
            if (!Float.isNaN(row[j])) {
                example.add(NAMES.get(j), (row[j] - standardisation.means[j]) / standardisation.stds[j]);
            }
        }
        return example;
    }

    private static boolean hasNaN(float[][] matrix) {
        for (float[] row : matrix) {
            for (float cell : row) {
                if (Float.isNaN(cell)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static OnnxModelMetadata metadata(List<String> names) {
        return new OnnxModelMetadata(names, "hash", "v1", "{}");
    }

    /**
     * Seeded Gaussian blobs in raw units: feature j is scaled by 10^(j mod 4) and shifted, so that an export
     * that forgot to standardise would segment differently. A value is missing with {@code missingRate}.
     */
    private static final class Blobs {
        private final Random random;
        private final int features;
        private final double missingRate;
        private final double[][] centres;

        Blobs(long seed, int features, int centres, double missingRate) {
            this.random = new Random(seed);
            this.features = features;
            this.missingRate = missingRate;
            this.centres = new double[centres][features];
            for (double[] centre : this.centres) {
                for (int j = 0; j < features; j++) {
                    centre[j] = 4 * random.nextDouble();
                }
            }
        }

        List<float[]> rows(int n) {
            List<float[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double[] centre = centres[random.nextInt(centres.length)];
                float[] row = new float[features];
                int alwaysPresent = random.nextInt(features);
                for (int j = 0; j < features; j++) {
                    boolean missing = j != alwaysPresent && random.nextDouble() < missingRate;
                    row[j] = missing ? Float.NaN
                            : (float) (Math.pow(10, j % 4) * (centre[j] + 0.4 * random.nextGaussian()) + 3 * j);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Per-feature mean and (population) standard deviation of the present values. */
    private record Standardisation(double[] means, double[] stds) {
        static Standardisation of(List<float[]> rows, int features) {
            double[] means = new double[features];
            double[] stds = new double[features];
            for (int j = 0; j < features; j++) {
                double sum = 0;
                double squares = 0;
                int n = 0;
                for (float[] row : rows) {
                    if (!Float.isNaN(row[j])) {
                        sum += row[j];
                        squares += (double) row[j] * row[j];
                        n++;
                    }
                }
                means[j] = sum / n;
                stds[j] = Math.sqrt(squares / n - means[j] * means[j]);
            }
            return new Standardisation(means, stds);
        }
    }
}
