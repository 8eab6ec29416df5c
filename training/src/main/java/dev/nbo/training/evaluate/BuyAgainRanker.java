package dev.nbo.training.evaluate;

import dev.nbo.models.feature.Aggregation;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.warehouse.OrderType;
import dev.nbo.training.data.PairRow;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * "Buy it again": offers whose target the customer bought most often come first (a customer × offer purchase count
 * of the feature spec); offers never bought are ordered by popularity, which also breaks ties — the strongest simple
 * rule a retailer runs.
 */
public final class BuyAgainRanker implements Ranker {
    private final String feature;
    private final PopularityRanker popularity;

    public BuyAgainRanker(String feature, PopularityRanker popularity) {
        this.feature = feature;
        this.popularity = popularity;
    }

    /**
     * The feature to use: the one named, or else the customer × offer count of purchases with the longest window.
     */
    public static String chooseFeature(FeatureSpec spec, Optional<String> configured) {
        if (configured.isPresent()) {
            FeatureDefinition named = spec.require(configured.get());
            if (!named.type().isNumeric()) {
                throw new IllegalArgumentException("baselines.buy_again_feature " + named.name()
                        + " must be numeric (a purchase count), it is " + named.type().wireName());
            }
            return named.name();
        }
        return spec.features(Entity.CUSTOMER_OFFER).stream()
                .filter(f -> f.aggregation() == Aggregation.COUNT || f.aggregation() == Aggregation.COUNT_DISTINCT)
                .filter(f -> f.filter().allowed().getOrDefault("order_type", java.util.Set.of())
                        .equals(java.util.Set.of(OrderType.PURCHASE.wireName())))
                .max(Comparator.comparingInt((FeatureDefinition f) -> f.window().isLifetime() ? Integer.MAX_VALUE
                        : f.window().days()))
                .map(FeatureDefinition::name)
                .orElseThrow(() -> new IllegalArgumentException("the feature spec " + spec.origin() + " has no"
                        + " customer_offer count of purchases for the buy-again baseline; add one (e.g."
                        + " target_purchases_365d) or name one with baselines.buy_again_feature"));
    }

    @Override
    public String name() {
        return "buy_again";
    }

    @Override
    public double[] score(List<PairRow> rows) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            PairRow row = rows.get(i);
            Object value = row.feature(feature);
            double bought = value instanceof Number n ? n.doubleValue() : 0.0;
            // popularity is a rate in [0, 1]: it orders within equal counts and never outweighs one purchase
            scores[i] = bought + popularity.rate(row.offerId());
        }
        return scores;
    }
}
