package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The explained part of preferences shows through 30,000 drawn customers, with margins well above the noise. */
class WorldPreferencesTest {
    private static final List<LatentCustomer> CUSTOMERS = new ArrayList<>();

    @BeforeAll
    static void drawCustomers() {
        World world = Worlds.of(42, 30_000, 365);
        for (int index = 0; index < world.customers(); index++) {
            CUSTOMERS.add(world.customer(index));
        }
    }

    @Test
    void miamiCustomersPreferSwimmingAndGolfMoreThanDenverCustomers() {
        Predicate<LatentCustomer> miami = c -> c.city() == City.MIAMI;
        Predicate<LatentCustomer> denver = c -> c.city() == City.DENVER;
        assertThat(meanPreference(Category.SWIMMING, miami)).isGreaterThan(2 * meanPreference(Category.SWIMMING, denver));
        assertThat(meanPreference(Category.GOLF, miami)).isGreaterThan(2 * meanPreference(Category.GOLF, denver));
        assertThat(meanPreference(Category.OUTDOOR, denver)).isGreaterThan(2 * meanPreference(Category.OUTDOOR, miami));
    }

    @Test
    void northeastCustomersPreferRunningAndWestCustomersCycling() {
        Predicate<LatentCustomer> northeast = c -> c.city().region().equals("Northeast");
        Predicate<LatentCustomer> others = northeast.negate();
        assertThat(meanPreference(Category.RUNNING, northeast)).isGreaterThan(1.5 * meanPreference(Category.RUNNING, others));
        Predicate<LatentCustomer> west = c -> c.city().region().equals("West");
        assertThat(meanPreference(Category.CYCLING, west)).isGreaterThan(1.3 * meanPreference(Category.CYCLING, west.negate()));
    }

    @Test
    void golfRisesWithAgeWhileYogaAndFashionFall() {
        Predicate<LatentCustomer> young = c -> age(c) < 30;
        Predicate<LatentCustomer> old = c -> age(c) >= 60;
        assertThat(meanPreference(Category.GOLF, old)).isGreaterThan(3 * meanPreference(Category.GOLF, young));
        assertThat(meanPreference(Category.YOGA, young)).isGreaterThan(1.8 * meanPreference(Category.YOGA, old));
        assertThat(meanPreference(Category.WOMENSWEAR, young) + meanPreference(Category.MENSWEAR, young))
                .isGreaterThan(1.3 * (meanPreference(Category.WOMENSWEAR, old) + meanPreference(Category.MENSWEAR, old)));
    }

    @Test
    void kidsPeakForCustomersAged30To45() {
        double parents = meanPreference(Category.KIDS, c -> age(c) >= 30 && age(c) <= 45);
        assertThat(parents).isGreaterThan(2 * meanPreference(Category.KIDS, c -> age(c) < 25));
        assertThat(parents).isGreaterThan(2 * meanPreference(Category.KIDS, c -> age(c) > 60));
    }

    @Test
    void declaredInterestsPointAtPreferredCategories() {
        Predicate<LatentCustomer> golfers = c -> c.interests().contains("golf");
        assertThat(CUSTOMERS.stream().filter(golfers).count()).isGreaterThan(500);
        assertThat(meanPreference(Category.GOLF, golfers)).isGreaterThan(3 * meanPreference(Category.GOLF, golfers.negate()));
    }

    @Test
    void profilesCoverTheDocumentedRanges() {
        assertThat(CUSTOMERS).allSatisfy(c -> {
            assertThat(age(c)).isBetween(18, 80);
            assertThat(c.interests()).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates()
                    .allSatisfy(i -> assertThat(Category.INTERESTS).contains(i));
            assertThat(c.basePreferences()).hasSize(Category.count());
        });
        double consent = CUSTOMERS.stream().filter(LatentCustomer::marketingConsent).count() / (double) CUSTOMERS.size();
        assertThat(consent).isBetween(0.83, 0.87);
        double signedUpBefore = CUSTOMERS.stream().filter(c -> c.signupMicros() < Worlds.START.toEpochDay()
                * PeriodCalendar.DAY_MICROS).count() / (double) CUSTOMERS.size();
        assertThat(signedUpBefore).isBetween(0.62, 0.68);
        assertThat(CUSTOMERS.stream().filter(c -> c.city() == City.NYC).count() / (double) CUSTOMERS.size())
                .isBetween(0.15, 0.17);
    }

    @Test
    void activityIsHeavyTailed() {
        double[] rates = CUSTOMERS.stream().mapToDouble(LatentCustomer::missionRate).sorted().toArray();
        double median = rates[rates.length / 2];
        double mean = java.util.Arrays.stream(rates).average().orElseThrow();
        double p99 = rates[(int) (rates.length * 0.99)];
        assertThat(mean).isGreaterThan(1.5 * median);
        assertThat(p99).isGreaterThan(10 * median);
        assertThat(mean * 365).isBetween(4.0, 6.0);
    }

    private static int age(LatentCustomer customer) {
        return customer.age(Worlds.START);
    }

    private static double meanPreference(Category category, Predicate<LatentCustomer> who) {
        return CUSTOMERS.stream().filter(who).mapToDouble(c -> c.basePreferences()[category.ordinal()]).average()
                .orElseThrow();
    }
}
