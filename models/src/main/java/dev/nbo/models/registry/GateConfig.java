package dev.nbo.models.registry;

import dev.nbo.models.config.ConfigNode;
import java.util.regex.Pattern;

/**
 * The {@code promotion:} section of a training configuration.
 *
 * <pre>
 * promotion:
 *   metric: ndcg@3          # a key of the manifest's metrics
 *   margin: 0.005           # absolute: the candidate must beat the champion by more than this
 *   better: higher          # or lower; defaults to lower for metrics named *loss or *error
 *   min_holdout_rows: 1000  # fewer holdout rows and AUTO keeps the candidate rather than compare
 *   policy: auto            # auto, never or force; --promote overrides it
 * </pre>
 *
 * <p>The margin is absolute, not relative: the metrics we gate on are bounded rates (ndcg, hit rate, auc) whose
 * differences read directly ("0.005 of ndcg@3"), a relative margin shrinks to nothing near zero and flips meaning
 * for losses, and the reason printed to people shows the same numbers the rule uses.
 *
 * @param minHoldoutRows 0 turns the check off
 */
public record GateConfig(String metric, double margin, boolean higherIsBetter, long minHoldoutRows,
        PromotionPolicy policy) {

    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*(@[0-9]+)?");

    /** ndcg@3, no margin (any real improvement promotes), no holdout-size check, AUTO. */
    public static final GateConfig DEFAULT = new GateConfig("ndcg@3", 0.0, true, 0, PromotionPolicy.AUTO);

    public GateConfig {
        if (metric == null || !METRIC.matcher(metric).matches()) {
            throw new IllegalArgumentException("metric '" + metric + "' is not a metric name: use lower-case letters,"
                    + " digits and _, optionally @k, e.g. ndcg@3, auc, log_loss");
        }
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0 (an absolute difference of the"
                    + " metric), got " + margin);
        }
        if (minHoldoutRows < 0) {
            throw new IllegalArgumentException("min_holdout_rows must be 0 (off) or more, got " + minHoldoutRows);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy is required (auto, never or force)");
        }
    }

    /** Losses and errors improve downwards; everything else we report (auc, ndcg, hit rate) upwards. */
    public static boolean higherIsBetterByDefault(String metric) {
        return !(metric.endsWith("loss") || metric.endsWith("error"));
    }

    /** Reads a {@code promotion:} node; a missing node gives {@link #DEFAULT}. */
    public static GateConfig read(ConfigNode promotion) {
        if (promotion.isMissing()) {
            return DEFAULT;
        }
        promotion.allowOnly("metric", "margin", "better", "min_holdout_rows", "policy");
        ConfigNode metricNode = promotion.field("metric");
        String metric = metricNode.optionalString().orElse(DEFAULT.metric());
        if (!METRIC.matcher(metric).matches()) {
            throw metricNode.error("'" + metric + "' is not a metric name: use lower-case letters, digits and _,"
                    + " optionally @k, e.g. ndcg@3, auc, log_loss");
        }
        ConfigNode marginNode = promotion.field("margin");
        double margin = marginNode.isMissing() ? DEFAULT.margin() : marginNode.number();
        if (margin < 0) {
            throw marginNode.error(margin + " is negative; the margin is how much better (absolute) a candidate must"
                    + " be, 0 or more, e.g. 0.005");
        }
        ConfigNode minRowsNode = promotion.field("min_holdout_rows");
        long minRows = minRowsNode.isMissing() ? DEFAULT.minHoldoutRows() : minRowsNode.integer();
        if (minRows < 0) {
            throw minRowsNode.error(minRows + " is negative; write 0 to turn the check off, or a row count");
        }
        return new GateConfig(metric, margin, better(promotion.field("better"), metric), minRows,
                policy(promotion.field("policy")));
    }

    private static boolean better(ConfigNode node, String metric) {
        if (node.isMissing()) {
            return higherIsBetterByDefault(metric);
        }
        return switch (node.string()) {
            case "higher" -> true;
            case "lower" -> false;
            default -> throw node.error("'" + node.string() + "' is not higher or lower");
        };
    }

    private static PromotionPolicy policy(ConfigNode node) {
        if (node.isMissing()) {
            return DEFAULT.policy();
        }
        try {
            return PromotionPolicy.fromWireName(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
