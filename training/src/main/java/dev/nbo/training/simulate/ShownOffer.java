package dev.nbo.training.simulate;

import dev.nbo.models.id.OfferId;

/** An offer as an e-mail showed it: its id and its rank in the block, 1 first. */
public record ShownOffer(OfferId offerId, int rank) {
    public ShownOffer {
        if (offerId == null) {
            throw new IllegalArgumentException("a shown offer needs an offer id");
        }
        if (rank < 1) {
            throw new IllegalArgumentException("offer " + offerId + ": rank must be 1 or more, got " + rank);
        }
    }
}
