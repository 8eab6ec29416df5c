package dev.nbo.training.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.nbo.features.generate.Category;
import dev.nbo.features.generate.LatentCustomer;
import dev.nbo.features.generate.World;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutcomeModelTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    private static final List<ShownOffer> GOLF_FIRST = List.of(shown("golf-15", 1));
    private static final int DRAWS = 40_000;

    private static World world;
    private static OutcomeModel model;

    @BeforeAll
    static void world() {
        Path offers = Path.of(System.getProperty("user.dir")).getParent().resolve("config/offers.yaml");
        world = World.create(42, 2_000, LocalDate.of(2025, 1, 1), 365, OfferCatalog.load(offers));
        model = new OutcomeModel(world);
    }

    private static ShownOffer shown(String offer, int rank) {
        return new ShownOffer(new OfferId(offer), rank);
    }

    /** The customers of the world by their true preference for golf on {@link #DAY}, lowest first. */
    private static List<LatentCustomer> byGolfAffinity() {
        return IntStream.range(0, world.customers()).mapToObj(world::customer)
                .sorted(Comparator.comparingDouble(c -> c.categoryPreferences(DAY)[Category.GOLF.ordinal()]))
                .toList();
    }

    private static List<EmailOutcome> draws(LatentCustomer customer, List<ShownOffer> offers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EmailOutcome> outcomes = new ArrayList<>(DRAWS);
        for (int i = 0; i < DRAWS; i++) {
            outcomes.add(model.draw(customer, offers, DAY, random));
        }
        return outcomes;
    }

    private static double clicksPerOpen(List<EmailOutcome> outcomes) {
        long opens = outcomes.stream().filter(EmailOutcome::opened).count();
        return (double) outcomes.stream().mapToLong(o -> o.clicks().size()).sum() / opens;
    }

    @Test
    void aCustomerWhoLovesGolfClicksAGolfOfferMoreOftenThanOneWhoDoesNot() {
        List<LatentCustomer> customers = byGolfAffinity();
        LatentCustomer fan = customers.get(customers.size() - 1);
        LatentCustomer indifferent = customers.get(0);

        double fanRate = clicksPerOpen(draws(fan, GOLF_FIRST, 1));
        double indifferentRate = clicksPerOpen(draws(indifferent, GOLF_FIRST, 1));

        assertThat(fan.categoryPreferences(DAY)[Category.GOLF.ordinal()])
                .isGreaterThan(10 * indifferent.categoryPreferences(DAY)[Category.GOLF.ordinal()]);
        assertThat(fanRate).isGreaterThan(3 * indifferentRate);
    }

    @Test
    void opensAndClicksHappenAtTheCustomersTrueRates() {
        LatentCustomer customer = byGolfAffinity().get(world.customers() - 10);
        List<EmailOutcome> outcomes = draws(customer, GOLF_FIRST, 2);

        double openRate = outcomes.stream().filter(EmailOutcome::opened).count() / (double) DRAWS;
        double open = customer.openRate();
        assertThat(openRate).isCloseTo(open, offset(
                4 * Math.sqrt(open * (1 - open) / DRAWS)));

        long opens = outcomes.stream().filter(EmailOutcome::opened).count();
        double click = customer.clickProbability(Category.GOLF, 0.15, DAY);
        assertThat(clicksPerOpen(outcomes)).isCloseTo(click, offset(
                4 * Math.sqrt(click * (1 - click) / opens)));
    }

    @Test
    void anOfferFurtherDownTheBlockIsClickedLessOften() {
        LatentCustomer customer = byGolfAffinity().get(world.customers() - 1);
        List<EmailOutcome> outcomes = draws(customer, List.of(shown("golf-15", 1), shown("golf-driver-hero", 3)), 3);

        long first = outcomes.stream().flatMap(o -> o.clicks().stream()).filter(c -> c.offer().rank() == 1).count();
        long third = outcomes.stream().flatMap(o -> o.clicks().stream()).filter(c -> c.offer().rank() == 3).count();
        // rank 3 is examined a third as often; the hero offer's smaller discount lowers it a little more
        assertThat(third).isPositive().isLessThan(first / 2);
    }

    @Test
    void onlyOpenedEmailsAreClickedAndPurchasesAreBasketsOfTheOffersCategory() {
        LatentCustomer customer = byGolfAffinity().get(world.customers() - 1);
        List<EmailOutcome> outcomes = draws(customer, List.of(shown("golf-15", 1), shown("golf-driver-hero", 2)), 4);

        assertThat(outcomes).filteredOn(o -> !o.opened()).allMatch(o -> o.clicks().isEmpty());
        List<EmailOutcome.Click> bought = outcomes.stream().flatMap(o -> o.clicks().stream())
                .filter(c -> c.purchase() != null).toList();
        assertThat(bought).hasSizeGreaterThan(50);
        assertThat(bought).allSatisfy(c -> {
            assertThat(c.purchase().revenue()).isPositive();
            assertThat(c.purchase().productId()).startsWith("GLF-");
        });
        // the product offer's visits are about its product, discounted: at least 0.9 x 349.00
        assertThat(bought).filteredOn(c -> c.offer().offerId().value().equals("golf-driver-hero"))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.purchase().productId()).isEqualTo("GLF-0001");
                    assertThat(c.purchase().revenue()).isGreaterThanOrEqualTo(314.10);
                });
        // conversion after a click: the customer's email conversion, of the 75% of clicks that land in a visit
        double expected = OutcomeModel.CLICK_LANDS_IN_VISIT * customer.emailMissionConversion(0.15);
        double observed = outcomes.stream().flatMap(o -> o.clicks().stream())
                .filter(c -> c.offer().rank() == 1 && c.purchase() != null).count()
                / (double) outcomes.stream().flatMap(o -> o.clicks().stream()).filter(c -> c.offer().rank() == 1)
                .count();
        assertThat(observed).isCloseTo(expected, offset(0.05));
    }

    @Test
    void theSameSeedDrawsTheSameOutcomesAndAnotherSeedOthers() {
        LatentCustomer customer = byGolfAffinity().get(world.customers() - 1);
        List<ShownOffer> offers = List.of(shown("golf-15", 1), shown("running-20", 2), shown("home-15", 3));

        assertThat(draws(customer, offers, 11)).isEqualTo(draws(customer, offers, 11));
        assertThat(draws(customer, offers, 11)).isNotEqualTo(draws(customer, offers, 12));
    }

    @Test
    void anOfferTheWorldDoesNotHaveIsRefusedWithItsId() {
        assertThatThrownBy(() -> model.draw(world.customer(0), List.of(shown("golf-15", 1),
                shown("spring-sale-2024", 2)), DAY, new SplittableRandom(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spring-sale-2024")
                .hasMessageContaining("--warehouse");
    }
}
