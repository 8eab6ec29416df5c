package dev.nbo.training.propensity;

import dev.nbo.models.config.ConfigNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of the boosted trees ({@code model:} in training.yaml). The seed is mandatory: a model that
 * cannot be reproduced cannot be audited.
 */
public record PropensityConfig(int trees, double eta, int maxDepth, double minChildWeight, double subsample,
                               double colsample, double lambda, double alpha, long seed, int threads) {

    public PropensityConfig {
        check(trees >= 1 && trees <= 10_000, "trees", trees, "between 1 and 10000");
        check(eta > 0 && eta <= 1, "eta", eta, "in (0, 1]");
        check(maxDepth >= 1 && maxDepth <= 20, "max_depth", maxDepth, "between 1 and 20");
        check(minChildWeight >= 0, "min_child_weight", minChildWeight, "at least 0");
        check(subsample > 0 && subsample <= 1, "subsample", subsample, "in (0, 1]");
        check(colsample > 0 && colsample <= 1, "colsample", colsample, "in (0, 1]");
        check(lambda >= 0, "lambda", lambda, "at least 0");
        check(alpha >= 0, "alpha", alpha, "at least 0");
        check(threads >= 1, "threads", threads, "at least 1");
    }

    private static void check(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("model." + field + " must be " + expected + ", got " + value);
        }
    }

    /**
     * Default boosting rounds and depth: on the demo world and on UCI Online Retail, 75 rounds of depth 3 ranked at
     * least as well as larger ensembles (up to 200 rounds, depth 5), and serving scores them in about half the time of
     * 150 rounds of depth 5 (docs/training.md, "Choosing the ensemble size").
     */
    static final int DEFAULT_TREES = 75;
    static final int DEFAULT_MAX_DEPTH = 3;

    public static PropensityConfig from(ConfigNode model) {
        model.allowOnly("trees", "eta", "max_depth", "min_child_weight", "subsample", "colsample", "lambda", "alpha",
                "seed", "threads");
        ConfigNode seed = model.required("seed");
        try {
            return new PropensityConfig(
                    (int) orDefault(model.field("trees"), DEFAULT_TREES),
                    model.field("eta").isMissing() ? 0.1 : model.field("eta").number(),
                    (int) orDefault(model.field("max_depth"), DEFAULT_MAX_DEPTH),
                    model.field("min_child_weight").isMissing() ? 1.0 : model.field("min_child_weight").number(),
                    model.field("subsample").isMissing() ? 0.8 : model.field("subsample").number(),
                    model.field("colsample").isMissing() ? 0.8 : model.field("colsample").number(),
                    model.field("lambda").isMissing() ? 1.0 : model.field("lambda").number(),
                    model.field("alpha").isMissing() ? 0.0 : model.field("alpha").number(),
                    seed.integer(),
                    (int) orDefault(model.field("threads"), Runtime.getRuntime().availableProcessors()));
        } catch (IllegalArgumentException e) {
            throw model.error(e.getMessage());
        }
    }

    private static long orDefault(ConfigNode node, long value) {
        return node.isMissing() ? value : node.integer();
    }

    /** The hyper-parameters as the manifest records them. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("algorithm", "xgboost (tribuo)");
        map.put("trees", trees);
        map.put("eta", eta);
        map.put("max_depth", maxDepth);
        map.put("min_child_weight", minChildWeight);
        map.put("subsample", subsample);
        map.put("colsample", colsample);
        map.put("lambda", lambda);
        map.put("alpha", alpha);
        map.put("threads", threads);
        return map;
    }

    public PropensityConfig withTrees(int newTrees) {
        return new PropensityConfig(newTrees, eta, maxDepth, minChildWeight, subsample, colsample, lambda, alpha, seed,
                threads);
    }
}
