package dev.nbo.features.pairs;

/**
 * Which negative training pairs to keep. Positives are always kept. On the newest {@code unsampledNewest} as-of
 * dates every candidate is kept, so that ranking metrics can be computed over each customer's full candidate set
 * (the holdout of the training issue); on the others a negative is kept with probability {@code rate}, decided by
 * a seeded hash of (as-of, customer, offer) so that reruns keep the same rows, and weighted {@code 1 / rate}.
 */
public record NegativeSampling(double rate, int unsampledNewest, long seed) {
    public NegativeSampling {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("negative sampling rate " + rate + " must be in (0, 1]");
        }
        if (unsampledNewest < 0) {
            throw new IllegalArgumentException("unsampled newest dates " + unsampledNewest + " must be >= 0");
        }
    }

    public static NegativeSampling none() {
        return new NegativeSampling(1.0, 0, 0);
    }
}
