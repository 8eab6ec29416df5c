package dev.nbo.serving.log;

import dev.nbo.models.id.IdFormat;

/** A candidate offer of a decision with its score (the model's propensity, or the rule's priority as a score). */
public record ScoredOffer(String offerId, double score) {
    public ScoredOffer {
        IdFormat.check("offer id", offerId);
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("the score of offer " + offerId + " must be a finite number; got "
                    + score);
        }
    }
}
