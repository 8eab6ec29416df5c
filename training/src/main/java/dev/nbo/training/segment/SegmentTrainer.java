package dev.nbo.training.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;

/**
 * Segments customers with Tribuo's k-means: z-score the features (missing = mean), train k-means++ with Euclidean
 * distance for each candidate k (several starts, keeping the one with the lowest inertia), and keep the k with the
 * highest mean {@link Silhouette} on a seeded sample of customers (ties go to the smaller k, the simpler story for
 * marketers).
 *
 * <p>Training several k on 100k customers takes a while, so one line per k (k, silhouette, seconds) goes to the
 * progress consumer; the command line passes {@code System.err::println}.
 */
public final class SegmentTrainer {
    /**
     * Tribuo logs one INFO line per k-means iteration, hundreds per run; the progress consumer reports per k instead.
     * Held in a field because java.util.logging keeps loggers weakly and would forget the level.
     */
    private static final Logger TRIBUO_KMEANS_LOG = Logger.getLogger(KMeansTrainer.class.getName());

    static {
        TRIBUO_KMEANS_LOG.setLevel(Level.WARNING);
    }

    private final SegmentConfig config;
    private final Consumer<String> progress;

    public SegmentTrainer(SegmentConfig config, Consumer<String> progress) {
        this.config = Objects.requireNonNull(config, "config");
        this.progress = Objects.requireNonNull(progress, "progress (pass line -> { } for none)");
    }

    /** Trains on the configured features of the table (all of its columns when the configuration names none). */
    public SegmentModel train(CustomerTable customers) {
        CustomerTable table = config.features().isEmpty() ? customers : customers.select(config.features());
        int[] ks = config.candidateKs();
        requireEnoughCustomers(ks, table.size());
        Standardization standardization = Standardization.fit(table);
        double[][] z = standardization.apply(table);
        MutableDataset<ClusterID> dataset = ClusterExamples.dataset(table.featureNames(), z);
        double[][] sample = sample(z);

        List<KScore> scores = new ArrayList<>();
        KMeansModel best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k : ks) {
            long start = System.nanoTime();
            Fit fit = bestOfRestarts(k, dataset, table.featureNames(), z);
            double silhouette = Silhouette.mean(sample, labels(fit.model(), table.featureNames(), sample), k);
            scores.add(new KScore(k, silhouette, fit.inertia()));
            progress.accept(String.format(Locale.ROOT, "segments: k=%d silhouette=%.4f (%d starts, %.1f s)", k,
                    silhouette, config.restarts(), (System.nanoTime() - start) / 1e9));
            if (silhouette > bestScore) {
                best = fit.model();
                bestScore = silhouette;
            }
        }
        SegmentModel model = new SegmentModel(standardization, best, scores, config);
        if (ks.length > 1) {
            progress.accept(String.format(Locale.ROOT, "segments: chose k=%d, the highest mean silhouette on %,d "
                    + "sampled customers", model.k(), sample.length));
        }
        return model;
    }

    private static void requireEnoughCustomers(int[] ks, int customers) {
        int largest = Arrays.stream(ks).max().orElseThrow();
        // k-means++ picks k distinct starting customers, and a silhouette needs a customer outside each segment.
        if (largest >= customers) {
            throw new IllegalArgumentException("k = " + largest + " segments need more than " + largest
                    + " customers, the table has " + customers + "; lower k (or k_max) or segment more customers");
        }
    }

    /**
     * Starts that find the same optimum differ only in the numbering of their clusters and, because Tribuo's parallel
     * M-step sums in thread order, in the last digits of their inertia. A later start must beat the best by more than
     * this relative margin, so the same seed keeps the same start, hence the same segment ids, from run to run.
     */
    private static final double SAME_INERTIA = 1e-9;

    private record Fit(KMeansModel model, double inertia) {
    }

    /**
     * Trains {@code restarts} k-means++ starts and keeps the tightest (the first, among equals). One trainer serves
     * all starts: each call to {@code train} splits a fresh generator off the seeded one, so the starts differ yet
     * the sequence is reproducible.
     */
    private Fit bestOfRestarts(int k, MutableDataset<ClusterID> dataset, List<String> featureNames, double[][] z) {
        KMeansTrainer trainer = kMeans(k);
        Fit best = null;
        for (int start = 0; start < config.restarts(); start++) {
            KMeansModel model = trainer.train(dataset);
            double inertia = Centroids.inertia(z, Centroids.inFeatureOrder(model, featureNames));
            if (best == null || inertia < best.inertia() * (1 - SAME_INERTIA)) {
                best = new Fit(model, inertia);
            }
        }
        return best;
    }

    private KMeansTrainer kMeans(int k) {
        return new KMeansTrainer(k, config.maxIterations(), new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS,
                Runtime.getRuntime().availableProcessors(), config.seed());
    }

    /** A seeded sample without replacement, in table order; every row when the table is small enough. */
    private double[][] sample(double[][] z) {
        int size = Math.min(z.length, config.selectionSample());
        int[] order = new int[z.length];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(config.seed());
        for (int i = 0; i < size; i++) {
            int pick = i + random.nextInt(z.length - i);
            int swap = order[i];
            order[i] = order[pick];
            order[pick] = swap;
        }
        int[] chosen = Arrays.copyOf(order, size);
        Arrays.sort(chosen);
        double[][] sample = new double[size][];
        for (int i = 0; i < size; i++) {
            sample[i] = z[chosen[i]];
        }
        return sample;
    }

    private static int[] labels(KMeansModel model, List<String> featureNames, double[][] rows) {
        String[] names = featureNames.toArray(String[]::new);
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = model.predict(ClusterExamples.of(names, rows[i])).getOutput().getID();
        }
        return labels;
    }
}
