package dev.nbo.training.evaluate;

import static dev.nbo.training.evaluate.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nbo.training.data.PairRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void worksOutHitRatePrecisionAndNdcgPerCustomerByHand() {
        // customer a: the converted offer is ranked 2nd of 3; customer b: ranked 1st; customer c never converts
        List<PairRow> rows = List.of(
                pair("a", "o1", false), pair("a", "o2", true), pair("a", "o3", false),
                pair("b", "o1", true), pair("b", "o2", false), pair("b", "o3", false),
                pair("c", "o1", false), pair("c", "o2", false));
        double[] scores = {0.9, 0.5, 0.1, 0.8, 0.3, 0.2, 0.5, 0.4};
        Map<String, Double> m = RankingMetrics.evaluate(rows, scores, 1);
        assertThat(m.get("customers")).isEqualTo(2.0);
        assertThat(m.get("groups")).isEqualTo(3.0);
        assertThat(m.get("hit_rate@1")).isEqualTo(0.5);
        assertThat(m.get("hit_rate@3")).isEqualTo(1.0);
        assertThat(m.get("precision@3")).isCloseTo((1 / 3.0 + 1 / 3.0) / 2, within(1e-12));
        // a: DCG = 1/log2(3), IDCG = 1; b: 1
        assertThat(m.get("ndcg@3")).isCloseTo((1 / (Math.log(3) / Math.log(2)) + 1) / 2, within(1e-12));
        assertThat(m.get("ndcg@1")).isEqualTo(0.5);
    }

    @Test
    void idealNdcgCountsEveryConvertedOfferUpToK() {
        List<PairRow> rows = List.of(pair("a", "o1", true), pair("a", "o2", false), pair("a", "o3", true));
        Map<String, Double> m = RankingMetrics.evaluate(rows, new double[] {0.9, 0.8, 0.1}, 1);
        double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2));
        assertThat(m.get("ndcg@3")).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(m.get("precision@1")).isEqualTo(1.0);
    }

    @Test
    void tiesAreBrokenTheSameWayWhateverTheInputOrder() {
        List<PairRow> forward = List.of(pair("a", "o1", false), pair("a", "o2", true), pair("a", "o3", false));
        List<PairRow> backward = List.of(forward.get(2), forward.get(1), forward.get(0));
        double[] equal = {0.5, 0.5, 0.5};
        assertThat(RankingMetrics.evaluate(forward, equal, 7)).isEqualTo(RankingMetrics.evaluate(backward, equal, 7));
    }

    @Test
    void aRankerWithTheAnswerBeatsRandomAndPopularity() {
        List<PairRow> rows = new java.util.ArrayList<>();
        for (int c = 0; c < 200; c++) {
            for (int o = 0; o < 8; o++) {
                rows.add(pair("c" + c, "o" + o, o == c % 8));
            }
        }
        double[] oracle = rows.stream().mapToDouble(r -> r.label() ? 1 : 0).toArray();
        double perfect = RankingMetrics.evaluate(rows, oracle, 1).get("ndcg@3");
        double random = RankingMetrics.evaluate(rows, new RandomRanker(1).score(rows), 1).get("ndcg@3");
        assertThat(perfect).isEqualTo(1.0);
        assertThat(random).isBetween(0.2, 0.5);
    }
}
