package dev.nbo.training.evaluate;

import dev.nbo.models.id.OfferId;
import dev.nbo.models.rules.RuleMatch;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.training.data.PairRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The marketers' rules as a ranking: the offers of the first matching rule come first, in the rule's order; the
 * other candidates follow by popularity — what an email filled by the rules, then by best sellers, would show.
 * Rules see the customer's features at the as-of date and the customer's segment.
 */
public final class RulesRanker implements Ranker {
    private final RuleSet rules;
    private final PopularityRanker popularity;
    private final Function<PairRow, Map<String, Object>> attributes;

    /** @param attributes the rule variables of a row's customer: its features plus {@code segment}/{@code segment_id} */
    public RulesRanker(RuleSet rules, PopularityRanker popularity, Function<PairRow, Map<String, Object>> attributes) {
        this.rules = rules;
        this.popularity = popularity;
        this.attributes = attributes;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public double[] score(List<PairRow> rows) {
        Map<String, List<OfferId>> chosen = new HashMap<>();
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            PairRow row = rows.get(i);
            List<OfferId> offers = chosen.computeIfAbsent(row.asOf() + "|" + row.customerId(), k -> {
                RuleMatch match = rules.evaluate(attributes.apply(row));
                return match.offers();
            });
            int position = offers.indexOf(new OfferId(row.offerId()));
            // rule offers score above 1, in their listed order; popularity is a rate in [0, 1]
            scores[i] = position >= 0 ? 2.0 + (offers.size() - position) : popularity.rate(row.offerId());
        }
        return scores;
    }
}
