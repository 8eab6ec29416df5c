package dev.nbo.training.simulate;

import java.util.List;

/**
 * What one customer did with one e-mail: opened it or not, the offers clicked (none unless opened) and, per click,
 * the purchase it ended in, if any.
 */
public record EmailOutcome(boolean opened, List<Click> clicks) {
    public EmailOutcome {
        clicks = List.copyOf(clicks);
        if (!opened && !clicks.isEmpty()) {
            throw new IllegalArgumentException("an e-mail that was not opened cannot have clicks: " + clicks);
        }
    }

    public static EmailOutcome unopened() {
        return new EmailOutcome(false, List.of());
    }

    public long purchases() {
        return clicks.stream().filter(c -> c.purchase() != null).count();
    }

    public double revenue() {
        return clicks.stream().filter(c -> c.purchase() != null).mapToDouble(c -> c.purchase().revenue()).sum();
    }

    /** A click on a shown offer; {@code purchase} is null when the visit bought nothing. */
    public record Click(ShownOffer offer, Purchase purchase) {
    }

    /**
     * The order a click ended in.
     *
     * @param productId the product the visit was about (the offer's product, or a popular one of its category)
     * @param revenue   what the basket cost the customer, discount taken off, in currency units; never negative
     */
    public record Purchase(String productId, double revenue) {
        public Purchase {
            if (!(revenue >= 0) || Double.isInfinite(revenue)) {
                throw new IllegalArgumentException("purchase of " + productId + ": revenue must be >= 0, got "
                        + revenue);
            }
        }
    }
}
