package dev.nbo.features.generate;

import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The synthetic world of a generation run: its products, cities, calendar and offers, and the latent customers,
 * all a pure function of (seed, customer count, start, days, offer catalog). Build the same world again from a
 * warehouse's {@code generation.json} to ask what its customers truly want ({@link #customer(int)}).
 */
public final class World {
    private final long seed;
    private final int customers;
    private final PeriodCalendar calendar;
    private final ProductCatalog products;
    private final OfferCatalog offers;
    private final OfferSchedule schedule;
    private final Map<String, Category> offerCategories = new HashMap<>();
    private final TraitSampler traits;
    private final int idDigits;

    private World(long seed, int customers, LocalDate start, int days, OfferCatalog offers) {
        this.seed = seed;
        this.customers = customers;
        this.calendar = new PeriodCalendar(start, days);
        this.products = ProductCatalog.create(seed);
        products.checkTargets(offers);
        this.offers = offers;
        this.schedule = new OfferSchedule(offers, calendar);
        for (Offer offer : offers.offers()) {
            offerCategories.put(offer.id().value(), products.categoryOf(offer));
        }
        this.traits = new TraitSampler(seed, start, days);
        this.idDigits = String.valueOf(customers).length();
    }

    /**
     * The world of a run. Refuses non-positive counts and an offer catalog naming a category or product the world
     * does not sell.
     */
    public static World create(long seed, int customers, LocalDate start, int days, OfferCatalog offers) {
        if (customers < 1) {
            throw new IllegalArgumentException("the world needs at least 1 customer, not " + customers);
        }
        if (days < 1) {
            throw new IllegalArgumentException("the world needs at least 1 day, not " + days);
        }
        return new World(seed, customers, start, days, offers);
    }

    /** The customer of index 0 to customers - 1: latent traits and profile, from (seed, index) alone. */
    public LatentCustomer customer(int index) {
        if (index < 0 || index >= customers) {
            throw new IndexOutOfBoundsException("customer index " + index + " is not in [0, " + customers + ")");
        }
        return traits.draw(index, customerId(index));
    }

    /** {@code C} and the 1-based number, zero-padded to the width of the customer count: C0000001 for a million. */
    public String customerId(int index) {
        return "C" + pad(index + 1L);
    }

    /** The index of a customer id of this world, if it is one. */
    public OptionalInt customerIndex(String id) {
        if (id == null || id.length() != idDigits + 1 || id.charAt(0) != 'C') {
            return OptionalInt.empty();
        }
        try {
            long number = Long.parseLong(id.substring(1));
            return number >= 1 && number <= customers ? OptionalInt.of((int) (number - 1)) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** A well-formed customer id that no customer of this world has (for dirt: events of unknown customers). */
    String unknownCustomerId(long n) {
        return "C" + pad(customers + 1L + n);
    }

    private String pad(long number) {
        String digits = Long.toString(number);
        return digits.length() >= idDigits ? digits : "0".repeat(idDigits - digits.length()) + digits;
    }

    public long seed() {
        return seed;
    }

    public int customers() {
        return customers;
    }

    public LocalDate start() {
        return calendar.start();
    }

    public int days() {
        return calendar.days();
    }

    public ProductCatalog products() {
        return products;
    }

    public OfferCatalog offers() {
        return offers;
    }

    /** The category an offer of the catalog converts on. */
    public Category categoryOf(Offer offer) {
        return offerCategories.get(offer.id().value());
    }

    PeriodCalendar calendar() {
        return calendar;
    }

    OfferSchedule schedule() {
        return schedule;
    }
}
