package dev.nbo.training.evaluate;

import dev.nbo.training.data.PairRow;
import dev.nbo.training.data.PairTable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent conversion rate per offer: the weighted share of converting candidates on the newest training date — what a
 * marketer sending "our best sellers" does. An offer unseen there gets the overall rate.
 */
public final class PopularityRanker implements Ranker {
    private final Map<String, Double> rateByOffer;
    private final double overall;

    private PopularityRanker(Map<String, Double> rateByOffer, double overall) {
        this.rateByOffer = rateByOffer;
        this.overall = overall;
    }

    public static PopularityRanker fit(PairTable train) {
        LocalDate newest = train.asOfDates().stream().max(LocalDate::compareTo).orElseThrow();
        Map<String, double[]> sums = new HashMap<>();
        double positives = 0;
        double total = 0;
        for (PairRow row : train.rows()) {
            if (!row.asOf().equals(newest)) {
                continue;
            }
            double[] s = sums.computeIfAbsent(row.offerId(), k -> new double[2]);
            s[0] += row.label() ? row.weight() : 0;
            s[1] += row.weight();
            positives += row.label() ? row.weight() : 0;
            total += row.weight();
        }
        Map<String, Double> rates = new HashMap<>();
        sums.forEach((offer, s) -> rates.put(offer, s[0] / s[1]));
        return new PopularityRanker(rates, total == 0 ? 0 : positives / total);
    }

    @Override
    public String name() {
        return "popularity";
    }

    public double rate(String offerId) {
        return rateByOffer.getOrDefault(offerId, overall);
    }

    @Override
    public double[] score(List<PairRow> rows) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rate(rows.get(i).offerId());
        }
        return scores;
    }
}
