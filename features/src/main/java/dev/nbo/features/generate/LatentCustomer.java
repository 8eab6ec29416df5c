package dev.nbo.features.generate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A customer as the world knows them: the observable profile (what the {@code customers} table says) and the latent
 * traits that drive their behaviour, which no table holds. Drawn deterministically from (seed, customer index) by
 * {@link World#customer(int)}, so that a later tool (a simulated experiment, an evaluation against ground truth) can
 * ask what a customer truly wants on a given day.
 *
 * <p>The behaviour model: on each day the customer may start a shopping mission in a category (a few sessions of
 * browsing that category), with probability {@link #missionProbability}; a mission ends in a purchase with
 * probability {@link #conversion()}. Emails add missions when clicked ({@link #clickProbability}).
 */
public final class LatentCustomer {
    /** Never more than this chance of a new shopping mission a day, however heavy the customer. */
    static final double MAX_DAILY_MISSION_PROBABILITY = 0.8;
    /** How strongly affinity for an offer's category drives clicks: (12 x preference) to this power. */
    private static final double CLICK_AFFINITY_EXPONENT = 0.8;
    private static final double MAX_CLICK_PROBABILITY = 0.9;
    /** Missions started from an email click convert more often: the customer already wanted to look. */
    private static final double EMAIL_MISSION_LIFT = 1.6;

    private final int index;
    private final String id;
    private final City city;
    private final int birthYear;
    private final long signupMicros;
    private final List<String> interests;
    private final boolean marketingConsent;
    private final double[] preferences;
    private final double missionRate;
    private final double conversion;
    private final double openRate;
    private final double clickRate;
    private final double priceSensitivity;
    private final double unsubscribeRisk;

    LatentCustomer(int index, String id, City city, int birthYear, long signupMicros, List<String> interests,
                   boolean marketingConsent, double[] preferences, double missionRate, double conversion,
                   double openRate, double clickRate, double priceSensitivity, double unsubscribeRisk) {
        this.index = index;
        this.id = id;
        this.city = city;
        this.birthYear = birthYear;
        this.signupMicros = signupMicros;
        this.interests = List.copyOf(interests);
        this.marketingConsent = marketingConsent;
        this.preferences = preferences.clone();
        this.missionRate = missionRate;
        this.conversion = conversion;
        this.openRate = openRate;
        this.clickRate = clickRate;
        this.priceSensitivity = priceSensitivity;
        this.unsubscribeRisk = unsubscribeRisk;
    }

    public int index() {
        return index;
    }

    public String id() {
        return id;
    }

    public City city() {
        return city;
    }

    /** The true birth year (the table may hold a corrupted one: see {@link Dirt}). */
    public int birthYear() {
        return birthYear;
    }

    /** Age as the feature pipeline computes it: calendar year of {@code day} minus birth year. */
    public int age(LocalDate day) {
        return day.getYear() - birthYear;
    }

    public long signupMicros() {
        return signupMicros;
    }

    public List<String> interests() {
        return interests;
    }

    /** Consent at signup; an unsubscribe during the period withdraws it. */
    public boolean marketingConsent() {
        return marketingConsent;
    }

    /** The everyday category preference (sums to 1), in {@link Category} order, before seasonality. */
    public double[] basePreferences() {
        return preferences.clone();
    }

    double basePreference(Category category) {
        return preferences[category.ordinal()];
    }

    /** Expected new shopping missions a day on an ordinary day (heavy-tailed across customers). */
    public double missionRate() {
        return missionRate;
    }

    /** The probability that a shopping mission ends in a purchase. */
    public double conversion() {
        return conversion;
    }

    /** The probability of opening a marketing email. */
    public double openRate() {
        return openRate;
    }

    /** The baseline probability of clicking an opened email, before affinity and discount. */
    public double clickRate() {
        return clickRate;
    }

    /** 0 (indifferent) to 2 (very sensitive): lowers buying of expensive products, raises the pull of discounts. */
    public double priceSensitivity() {
        return priceSensitivity;
    }

    /** The probability that a received email makes the customer unsubscribe. */
    public double unsubscribeRisk() {
        return unsubscribeRisk;
    }

    /** The category preference on {@code day}: the everyday preference weighted by each category's season. */
    public double[] categoryPreferences(LocalDate day) {
        double[] seasonal = new double[preferences.length];
        double sum = 0;
        for (Category category : Category.all()) {
            seasonal[category.ordinal()] = preferences[category.ordinal()] * Seasonality.category(category, day);
            sum += seasonal[category.ordinal()];
        }
        for (int i = 0; i < seasonal.length; i++) {
            seasonal[i] /= sum;
        }
        return seasonal;
    }

    /**
     * The probability that the customer starts a shopping mission in {@code category} on {@code day}, when no mission
     * is under way (the simulator draws exactly this).
     */
    public double missionProbability(Category category, LocalDate day) {
        double max = Seasonality.maxCategory(day);
        return candidateProbability(Seasonality.volume(day), max)
                * preferences[category.ordinal()] * Seasonality.category(category, day) / max;
    }

    /**
     * The customer's true organic purchase propensity: the probability of starting, on {@code day}, a mission in
     * {@code category} that ends in a purchase (without emails; the purchase may fall a few days later). Zero up to
     * the day of signup, which has its own welcome mission instead.
     */
    public double purchasePropensity(Category category, LocalDate day) {
        if (day.toEpochDay() <= Math.floorDiv(signupMicros, PeriodCalendar.DAY_MICROS)) {
            return 0.0;
        }
        return missionProbability(category, day) * conversion;
    }

    /** {@link #purchasePropensity(Category, LocalDate)} over every category. */
    public double purchasePropensity(LocalDate day) {
        double sum = 0;
        for (Category category : Category.all()) {
            sum += purchasePropensity(category, day);
        }
        return sum;
    }

    /**
     * The probability of clicking an opened email whose offer concerns {@code category} at {@code discount}: rises
     * with the customer's preference for the category on that day and, for price-sensitive customers, with the
     * discount.
     */
    public double clickProbability(Category category, double discount, LocalDate day) {
        return clickProbability(categoryPreferences(day)[category.ordinal()], discount);
    }

    /** The probability that a mission started by clicking an offer with {@code discount} ends in a purchase. */
    public double emailMissionConversion(double discount) {
        return Math.min(0.9, conversion * EMAIL_MISSION_LIFT * discountPull(discount));
    }

    double clickProbability(double seasonalPreference, double discount) {
        double affinity = Math.pow(Category.count() * seasonalPreference, CLICK_AFFINITY_EXPONENT);
        return Math.min(MAX_CLICK_PROBABILITY, clickRate * affinity * discountPull(discount));
    }

    /** The chance of a mission candidate on a day with these seasonal multipliers (thinned by category after). */
    double candidateProbability(double volume, double maxCategoryFactor) {
        return Math.min(MAX_DAILY_MISSION_PROBABILITY, missionRate * volume * maxCategoryFactor);
    }

    private double discountPull(double discount) {
        return 1 + 2 * priceSensitivity * discount;
    }

    @Override
    public String toString() {
        return "LatentCustomer[" + id + ", " + city.displayName() + ", born " + birthYear + ", interests " + interests
                + ", missions/day " + String.format("%.4f", missionRate) + ", conversion "
                + String.format("%.2f", conversion) + ", preferences " + Arrays.toString(preferences) + "]";
    }
}
