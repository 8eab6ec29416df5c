package dev.nbo.training.simulate;

import dev.nbo.features.generate.Category;
import dev.nbo.features.generate.LatentCustomer;
import dev.nbo.features.generate.World;
import dev.nbo.models.offer.Offer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a customer of the synthetic world answers an e-mail, drawn from their true behaviour ({@link LatentCustomer}):
 *
 * <ol>
 *   <li>opened with the customer's open rate ({@link LatentCustomer#openRate()});</li>
 *   <li>each shown offer clicked with {@code clickProbability(category, discount, day) / rank}: the generator's
 *       click model for a one-offer e-mail, which rises with the customer's affinity for the offer's category that
 *       day and, for price-sensitive customers, with the discount; divided by the rank because readers look at the
 *       first offer of a block more often than the third (a position-based model);</li>
 *   <li>a click lands in a shopping visit 75% of the time (as in the generator), which ends in a purchase with
 *       {@link LatentCustomer#emailMissionConversion(double)}; the purchase is a {@link Basket}.</li>
 * </ol>
 */
public final class OutcomeModel {
    /** Share of e-mail clicks that land in a browsing session (the generator's figure). */
    static final double CLICK_LANDS_IN_VISIT = 0.75;

    private final World world;
    private final Basket basket;

    public OutcomeModel(World world) {
        this.world = world;
        this.basket = new Basket(world.products());
    }

    /**
     * Draws what {@code customer} does with an e-mail showing {@code offers} on {@code day}.
     *
     * @throws IllegalArgumentException for an offer the world's catalog does not have
     */
    public EmailOutcome draw(LatentCustomer customer, List<ShownOffer> offers, LocalDate day,
                             SplittableRandom random) {
        List<Offer> catalogOffers = offers.stream().map(this::offer).toList();
        if (random.nextDouble() >= customer.openRate()) {
            return EmailOutcome.unopened();
        }
        List<EmailOutcome.Click> clicks = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            ShownOffer shown = offers.get(i);
            Offer offer = catalogOffers.get(i);
            Category category = world.categoryOf(offer);
            double click = customer.clickProbability(category, offer.discount(), day) / shown.rank();
            if (random.nextDouble() >= click) {
                continue;
            }
            boolean buys = random.nextDouble() < CLICK_LANDS_IN_VISIT * customer.emailMissionConversion(
                    offer.discount());
            clicks.add(new EmailOutcome.Click(shown, buys ? basket.draw(offer, category, random) : null));
        }
        return new EmailOutcome(true, clicks);
    }

    private Offer offer(ShownOffer shown) {
        return world.offers().offer(shown.offerId()).orElseThrow(() -> new IllegalArgumentException(
                "the server showed offer '" + shown.offerId() + "', which the warehouse's offers.yaml does not have:"
                        + " is the server running on another world than --warehouse?"));
    }
}
