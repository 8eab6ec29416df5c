package dev.nbo.training.job;

import java.io.PrintStream;
import java.util.Map;

/** The model-vs-baselines table printed at the end of training and by the demo. */
public final class RankingTable {
    private static final String[] COLUMNS = {"hit_rate@1", "hit_rate@3", "precision@3", "ndcg@3", "ndcg@5"};

    private RankingTable() {
    }

    public static void print(PrintStream out, Map<String, Map<String, Double>> ranking) {
        Map<String, Double> model = ranking.get("model");
        out.printf("      %-12s", "ranker");
        for (String column : COLUMNS) {
            out.printf(" %12s", column);
        }
        out.println();
        ranking.forEach((name, metrics) -> {
            out.printf("      %-12s", name);
            for (String column : COLUMNS) {
                out.printf(" %12.4f", metrics.getOrDefault(column, Double.NaN));
            }
            out.println();
        });
        out.printf("      over %,.0f customers who converted on at least one candidate (of %,.0f)%n",
                model.get("customers"), model.get("groups"));
    }
}
