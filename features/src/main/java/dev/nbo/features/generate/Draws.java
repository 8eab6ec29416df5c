package dev.nbo.features.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Small random draws the world needs beyond {@link SplittableRandom}'s own. */
final class Draws {
    private Draws() {
    }

    static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** 0, 1, 2... with P(n) proportional to (1 - p)^n: the number of failures before a success of probability p. */
    static int geometric(SplittableRandom random, double p, int max) {
        int n = 0;
        while (n < max && random.nextDouble() >= p) {
            n++;
        }
        return n;
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** The index drawn from unnormalised {@code weights}. */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A uniform long in [from, to). */
    static long between(SplittableRandom random, long from, long to) {
        return from + (long) (random.nextDouble() * (to - from));
    }
}
