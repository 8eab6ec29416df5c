package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One ranker of the evaluation (the model or a baseline) with its ranking metrics, keyed as in metrics.json. */
record Ranker(String key, JsonNode metrics) {
    static final String MODEL = "model";
    static final String RULES = "rules";

    private static final Map<String, String> NAMES = Map.of(MODEL, "Model", "random", "Random", "popularity",
            "Popularity", "buy_again", "Buy again", RULES, "Marketers' rules");

    /** The rankers of {@code ranking}: the model first, then the baselines in file order; non-objects skipped. */
    static List<Ranker> all(JsonNode ranking) {
        List<Ranker> rankers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : MetricsFields.fields(ranking)) {
            if (entry.getValue().isObject()) {
                rankers.add(new Ranker(entry.getKey(), entry.getValue()));
            }
        }
        rankers.sort((a, b) -> Boolean.compare(b.isModel(), a.isModel()));
        return rankers;
    }

    boolean isModel() {
        return MODEL.equals(key);
    }

    /** The name readers know the ranker by; an unknown key is shown as written. */
    String displayName() {
        return NAMES.getOrDefault(key, key);
    }

    Figure metric(String name) {
        return MetricsFields.number(metrics, name);
    }
}
