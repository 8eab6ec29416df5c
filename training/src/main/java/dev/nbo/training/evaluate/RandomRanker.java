package dev.nbo.training.evaluate;

import dev.nbo.training.data.PairRow;
import java.util.List;
import java.util.SplittableRandom;

/** The floor every ranking must beat: a seeded random order. */
public final class RandomRanker implements Ranker {
    private final long seed;

    public RandomRanker(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public double[] score(List<PairRow> rows) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextDouble();
        }
        return scores;
    }
}
