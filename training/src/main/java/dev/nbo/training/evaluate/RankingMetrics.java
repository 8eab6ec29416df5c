package dev.nbo.training.evaluate;

import dev.nbo.training.data.PairRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-customer ranking quality over each customer's candidate offers at an as-of date: hit-rate@k (a converted offer
 * is in the top k), precision@k and NDCG@k with binary relevance, averaged over the customers who converted on at
 * least one candidate (a customer with no conversion has no right answer to rank). Ties are broken by a seeded hash
 * of the customer and offer, the same for every ranker, so that a ranker with many equal scores is neither helped
 * nor hurt by the input order.
 */
public final class RankingMetrics {
    public static final int[] CUTOFFS = {1, 3, 5};

    private RankingMetrics() {
    }

    /** Metric name (e.g. {@code ndcg@3}) → value, plus {@code customers} evaluated and {@code groups} in total. */
    public static Map<String, Double> evaluate(List<PairRow> rows, double[] scores, long tieSeed) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PairRow row = rows.get(i);
            groups.computeIfAbsent(row.asOf() + "|" + row.customerId(), k -> new ArrayList<>()).add(i);
        }
        double[] hit = new double[CUTOFFS.length];
        double[] precision = new double[CUTOFFS.length];
        double[] ndcg = new double[CUTOFFS.length];
        long evaluated = 0;
        for (List<Integer> group : groups.values()) {
            int relevant = (int) group.stream().filter(i -> rows.get(i).label()).count();
            if (relevant == 0) {
                continue;
            }
            evaluated++;
            Integer[] order = group.toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> {
                int byScore = Double.compare(scores[b], scores[a]);
                return byScore != 0 ? byScore : Long.compare(tieBreak(rows.get(a), tieSeed), tieBreak(rows.get(b), tieSeed));
            });
            for (int c = 0; c < CUTOFFS.length; c++) {
                int k = CUTOFFS[c];
                int hits = 0;
                double dcg = 0;
                for (int r = 0; r < Math.min(k, order.length); r++) {
                    if (rows.get(order[r]).label()) {
                        hits++;
                        dcg += 1 / log2(r + 2);
                    }
                }
                double idcg = 0;
                for (int r = 0; r < Math.min(k, relevant); r++) {
                    idcg += 1 / log2(r + 2);
                }
                hit[c] += hits > 0 ? 1 : 0;
                precision[c] += hits / (double) k;
                ndcg[c] += dcg / idcg;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int c = 0; c < CUTOFFS.length; c++) {
            metrics.put("hit_rate@" + CUTOFFS[c], evaluated == 0 ? 0 : hit[c] / evaluated);
            metrics.put("precision@" + CUTOFFS[c], evaluated == 0 ? 0 : precision[c] / evaluated);
            metrics.put("ndcg@" + CUTOFFS[c], evaluated == 0 ? 0 : ndcg[c] / evaluated);
        }
        metrics.put("customers", (double) evaluated);
        metrics.put("groups", (double) groups.size());
        return metrics;
    }

    private static long tieBreak(PairRow row, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L + row.customerId().hashCode();
        h = h * 31 + row.offerId().hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
