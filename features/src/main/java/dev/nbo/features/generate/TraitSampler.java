package dev.nbo.features.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the latent customer of an index from (seed, index) alone. The draws are made in a fixed order from the
 * customer's own stream, so adding a trait at the end leaves the others unchanged.
 */
final class TraitSampler {
    /** Spread of personal taste around the explained preference (sigma of each logit). */
    private static final double TASTE_SIGMA = 0.7;
    /** How much a declared interest raises its categories' logits. */
    private static final double INTEREST_BOOST = 0.9;
    /** Most people shop either womenswear or menswear: a +/- shift between the two. */
    private static final double APPAREL_LEAN = 0.9;
    /** Share of declared interests picked at random rather than from the preference (profiles are noisy). */
    private static final double RANDOM_INTEREST = 0.15;
    /** P(0, 1, 2, 3 declared interests). */
    private static final double[] INTEREST_COUNT = {0.30, 0.35, 0.25, 0.10};
    private static final double SIGNED_UP_BEFORE_START = 0.65;
    private static final int SIGNUP_HISTORY_DAYS = 3 * 365;
    private static final double CONSENT = 0.85;
    /** Log-normal missions a day: the mean customer starts about 5 missions a year, the median about 2.7. */
    private static final double MISSION_SIGMA = 1.1;
    private static final double MISSION_MEAN_PER_DAY = 5.0 / 365;

    private final long seed;
    private final LocalDate start;
    private final int days;

    TraitSampler(long seed, LocalDate start, int days) {
        this.seed = seed;
        this.start = start;
        this.days = days;
    }

    LatentCustomer draw(int index, String id) {
        SplittableRandom random = Seeds.stream(seed, index, Seeds.Purpose.TRAITS);
        City city = City.ofUniform(random.nextDouble());
        int age = (int) Math.round(Math.max(18, Math.min(80, 41 + 13 * random.nextGaussian())));
        int birthYear = start.getYear() - age;
        long signupMicros = signup(random, city);
        double[] logits = new double[Category.count()];
        double apparel = random.nextBoolean() ? APPAREL_LEAN : -APPAREL_LEAN;
        for (Category category : Category.all()) {
            logits[category.ordinal()] = category.baseLogit() + PreferenceModel.ageEffect(category, age)
                    + PreferenceModel.placeEffect(category, city) + TASTE_SIGMA * random.nextGaussian();
        }
        logits[Category.WOMENSWEAR.ordinal()] += apparel;
        logits[Category.MENSWEAR.ordinal()] -= apparel;
        List<String> interests = interests(random, softmax(logits));
        for (String interest : interests) {
            for (Category category : Category.ofInterest(interest)) {
                logits[category.ordinal()] += INTEREST_BOOST;
            }
        }
        double[] preferences = softmax(logits);
        boolean consent = Draws.chance(random, CONSENT);
        double missionRate = MISSION_MEAN_PER_DAY * Math.exp(MISSION_SIGMA * random.nextGaussian()
                - MISSION_SIGMA * MISSION_SIGMA / 2);
        double engagement = random.nextGaussian();
        double openRate = Draws.sigmoid(-1.0 + 0.9 * engagement);
        double clickRate = Draws.sigmoid(-2.4 + 0.5 * engagement + 0.4 * random.nextGaussian());
        double conversion = Draws.sigmoid(-1.2 + 0.6 * random.nextGaussian());
        // younger customers watch prices more closely
        double priceSensitivity = Math.max(0, Math.min(2, 0.8 + 0.35 * random.nextGaussian() - 0.01 * (age - 40)));
        double unsubscribeRisk = 0.0003 + 0.003 * Math.pow(1 - openRate, 2);
        return new LatentCustomer(index, id, city, birthYear, signupMicros, interests, consent, preferences,
                missionRate, conversion, openRate, clickRate, priceSensitivity, unsubscribeRisk);
    }

    /** Most customers signed up in the three years before the start; the others during the period, by day. */
    private long signup(SplittableRandom random, City city) {
        long startMicros = start.toEpochDay() * PeriodCalendar.DAY_MICROS;
        if (Draws.chance(random, SIGNED_UP_BEFORE_START)) {
            return startMicros - Draws.between(random, PeriodCalendar.HOUR_MICROS,
                    SIGNUP_HISTORY_DAYS * PeriodCalendar.DAY_MICROS);
        }
        int day = random.nextInt(days);
        long micros = startMicros + day * PeriodCalendar.DAY_MICROS + LocalTimes.localTimeOfDay(random, city);
        long lastMicros = startMicros + days * PeriodCalendar.DAY_MICROS - PeriodCalendar.HOUR_MICROS;
        return Math.min(micros, lastMicros);
    }

    private static List<String> interests(SplittableRandom random, double[] preferences) {
        int count = Draws.weighted(random, INTEREST_COUNT);
        List<String> interests = new ArrayList<>(count);
        double[] weights = new double[Category.INTERESTS.size()];
        for (int i = 0; i < weights.length; i++) {
            for (Category category : Category.ofInterest(Category.INTERESTS.get(i))) {
                weights[i] += preferences[category.ordinal()];
            }
        }
        while (interests.size() < count) {
            int pick = Draws.chance(random, RANDOM_INTEREST) ? random.nextInt(weights.length)
                    : Draws.weighted(random, weights);
            String interest = Category.INTERESTS.get(pick);
            if (!interests.contains(interest)) {
                interests.add(interest);
                weights[pick] = 0;
            }
        }
        return interests;
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] result = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            result[i] = Math.exp(logits[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < logits.length; i++) {
            result[i] /= sum;
        }
        return result;
    }
}
