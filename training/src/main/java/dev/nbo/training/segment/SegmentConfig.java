package dev.nbo.training.segment;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to segment customers: the {@code segments:} section of a training YAML.
 *
 * <pre>{@code
 * segments:
 *   seed: 42                  # required: the same seed gives the same segments
 *   k: 5                      # optional; when absent k is chosen in [k_min, k_max]
 *   k_min: 3                  # default 3
 *   k_max: 8                  # default 8
 *   max_iterations: 100       # default 100
 *   restarts: 5               # k-means++ starts per k, the lowest within-segment spread wins; default 5
 *   selection_sample: 5000    # customers sampled for the silhouette that chooses k; default 5000
 *   features: [spend_365d, orders_365d, days_since_last_purchase]   # default: every column of the table
 * }</pre>
 *
 * @param k               the number of segments, or empty to choose it in {@code [kMin, kMax]}
 * @param kMin            the smallest k tried when choosing
 * @param kMax            the largest k tried when choosing
 * @param seed            seeds k-means++ and the silhouette sample
 * @param maxIterations   k-means stops after this many iterations even when assignments still move
 * @param restarts        how many k-means++ starts to train per k; one start often ends in a local optimum that
 *                        merges two real groups and splits another, so the start with the lowest inertia is kept
 * @param selectionSample how many customers the silhouette is computed on; it costs O(sample²) per k
 * @param features        the table columns to segment by, in this order; empty means all of them
 */
public record SegmentConfig(OptionalInt k, int kMin, int kMax, long seed, int maxIterations, int restarts,
        int selectionSample, List<String> features) {

    public static final int DEFAULT_K_MIN = 3;
    public static final int DEFAULT_K_MAX = 8;
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final int DEFAULT_RESTARTS = 5;
    public static final int DEFAULT_SELECTION_SAMPLE = 5_000;

    public SegmentConfig {
        k.ifPresent(SegmentConfig::checkK);
        checkKMin(kMin);
        checkKMax(kMin, kMax);
        checkMaxIterations(maxIterations);
        checkRestarts(restarts);
        checkSelectionSample(selectionSample);
        features = List.copyOf(features);
        checkFeatures(features);
    }

    /** The defaults with k chosen in 3..8. */
    public static SegmentConfig defaults(long seed) {
        return new SegmentConfig(OptionalInt.empty(), DEFAULT_K_MIN, DEFAULT_K_MAX, seed, DEFAULT_MAX_ITERATIONS,
                DEFAULT_RESTARTS, DEFAULT_SELECTION_SAMPLE, List.of());
    }

    /** This configuration with a fixed k, so no k is chosen. */
    public SegmentConfig withK(int fixedK) {
        return new SegmentConfig(OptionalInt.of(fixedK), kMin, kMax, seed, maxIterations, restarts, selectionSample,
                features);
    }

    /** This configuration choosing k in {@code [min, max]}. */
    public SegmentConfig withKRange(int min, int max) {
        return new SegmentConfig(OptionalInt.empty(), min, max, seed, maxIterations, restarts, selectionSample,
                features);
    }

    /** This configuration with {@code count} k-means++ starts per k. */
    public SegmentConfig withRestarts(int count) {
        return new SegmentConfig(k, kMin, kMax, seed, maxIterations, count, selectionSample, features);
    }

    /** This configuration segmenting by the named features only. */
    public SegmentConfig withFeatures(List<String> names) {
        return new SegmentConfig(k, kMin, kMax, seed, maxIterations, restarts, selectionSample, names);
    }

    /** The k values to train: the fixed k alone, or every k of the range. */
    public int[] candidateKs() {
        if (k.isPresent()) {
            return new int[] {k.getAsInt()};
        }
        int[] ks = new int[kMax - kMin + 1];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = kMin + i;
        }
        return ks;
    }

    /**
     * Reads the {@code segments:} section. Errors name the file, line, field and bad value.
     *
     * @param node the {@code segments} mapping, e.g. {@code root.required("segments")}
     */
    public static SegmentConfig from(ConfigNode node) {
        node.allowOnly("seed", "k", "k_min", "k_max", "max_iterations", "restarts", "selection_sample",
                "features");
        ConfigNode seedNode = node.field("seed");
        if (seedNode.isMissing()) {
            throw seedNode.error("is required: the seed that makes segments reproducible, e.g. seed: 42");
        }
        long seed = seedNode.integer();
        ConfigNode kNode = node.field("k");
        ConfigNode kMinNode = node.field("k_min");
        ConfigNode kMaxNode = node.field("k_max");
        OptionalInt k = OptionalInt.empty();
        if (!kNode.isMissing()) {
            if (!kMinNode.isMissing() || !kMaxNode.isMissing()) {
                throw kNode.error("give either k (a fixed number of segments) or k_min/k_max (a range to choose "
                        + "from), not both");
            }
            k = OptionalInt.of(check(kNode, () -> checkK(whole(kNode))));
        }
        int kMin = kMinNode.isMissing() ? DEFAULT_K_MIN : check(kMinNode, () -> checkKMin(whole(kMinNode)));
        int kMax = kMaxNode.isMissing() ? DEFAULT_K_MAX : whole(kMaxNode);
        ConfigNode kMaxOrMin = kMaxNode.isMissing() ? kMinNode : kMaxNode;
        check(kMaxOrMin, () -> checkKMax(kMin, kMax));
        ConfigNode iterationsNode = node.field("max_iterations");
        int maxIterations = iterationsNode.isMissing() ? DEFAULT_MAX_ITERATIONS
                : check(iterationsNode, () -> checkMaxIterations(whole(iterationsNode)));
        ConfigNode restartsNode = node.field("restarts");
        int restarts = restartsNode.isMissing() ? DEFAULT_RESTARTS
                : check(restartsNode, () -> checkRestarts(whole(restartsNode)));
        ConfigNode sampleNode = node.field("selection_sample");
        int selectionSample = sampleNode.isMissing() ? DEFAULT_SELECTION_SAMPLE
                : check(sampleNode, () -> checkSelectionSample(whole(sampleNode)));
        ConfigNode featuresNode = node.field("features");
        List<String> features = featuresNode.strings();
        check(featuresNode, () -> checkFeatures(features));
        return new SegmentConfig(k, kMin, kMax, seed, maxIterations, restarts, selectionSample, features);
    }

    private static int whole(ConfigNode node) {
        long value = node.integer();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw node.error(value + " is too large");
        }
        return (int) value;
    }

    private static <T> T check(ConfigNode node, Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static int checkK(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k = " + k + " is not a number of segments; use 2 or more");
        }
        return k;
    }

    private static int checkKMin(int kMin) {
        if (kMin < 2) {
            throw new IllegalArgumentException("k_min = " + kMin + " is too small; the silhouette that chooses k "
                    + "needs at least 2 segments");
        }
        return kMin;
    }

    private static int checkKMax(int kMin, int kMax) {
        if (kMax < kMin) {
            throw new IllegalArgumentException("k_max = " + kMax + " is below k_min = " + kMin
                    + "; k_max must be at least k_min");
        }
        return kMax;
    }

    private static int checkMaxIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max_iterations = " + maxIterations + " must be at least 1");
        }
        return maxIterations;
    }

    private static int checkRestarts(int restarts) {
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts = " + restarts + " must be at least 1");
        }
        return restarts;
    }

    private static int checkSelectionSample(int selectionSample) {
        // Below a few dozen customers the silhouette of 8 segments is noise; above ~20,000 its O(n²) cost dominates.
        if (selectionSample < 50) {
            throw new IllegalArgumentException("selection_sample = " + selectionSample + " is too small to compare "
                    + "k values; use 50 or more (default " + DEFAULT_SELECTION_SAMPLE + ")");
        }
        return selectionSample;
    }

    private static List<String> checkFeatures(List<String> features) {
        Set<String> seen = new HashSet<>();
        for (String feature : features) {
            if (!seen.add(feature)) {
                throw new IllegalArgumentException("feature '" + feature + "' is listed twice; list each once");
            }
        }
        return features;
    }
}
