package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class WorldSeasonalityTest {
    private static final LocalDate JANUARY = LocalDate.of(2025, 1, 15);
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 15);
    private static final LocalDate JULY = LocalDate.of(2025, 7, 15);
    private static final LocalDate DECEMBER = LocalDate.of(2025, 12, 10);

    @Test
    void summerCategoriesPeakInSummer() {
        assertThat(Seasonality.category(Category.SWIMMING, JULY))
                .isGreaterThan(4 * Seasonality.category(Category.SWIMMING, JANUARY));
        assertThat(Seasonality.category(Category.OUTDOOR, JULY))
                .isGreaterThan(2.5 * Seasonality.category(Category.OUTDOOR, JANUARY));
        assertThat(Seasonality.category(Category.CYCLING, JUNE))
                .isGreaterThan(2.5 * Seasonality.category(Category.CYCLING, DECEMBER));
    }

    @Test
    void golfIsInSeasonFromMarchToOctober() {
        assertThat(Seasonality.category(Category.GOLF, LocalDate.of(2025, 3, 1)))
                .isGreaterThan(2 * Seasonality.category(Category.GOLF, LocalDate.of(2025, 2, 28)));
        assertThat(Seasonality.category(Category.GOLF, LocalDate.of(2025, 10, 31)))
                .isGreaterThan(2 * Seasonality.category(Category.GOLF, LocalDate.of(2025, 11, 1)));
    }

    @Test
    void fitnessPeaksInJanuaryAndHomeInDecember() {
        for (Month month : Month.values()) {
            LocalDate day = LocalDate.of(2025, month, 10);
            if (month != Month.JANUARY) {
                assertThat(Seasonality.category(Category.FITNESS, JANUARY))
                        .isGreaterThan(Seasonality.category(Category.FITNESS, day));
            }
            if (month != Month.DECEMBER) {
                assertThat(Seasonality.category(Category.HOME, DECEMBER))
                        .isGreaterThan(Seasonality.category(Category.HOME, day));
            }
        }
    }

    @Test
    void weekendsAndTheHolidaysAreBusier() {
        LocalDate saturday = LocalDate.of(2025, 6, 14);
        LocalDate tuesday = LocalDate.of(2025, 6, 10);
        assertThat(Seasonality.volume(saturday)).isGreaterThan(1.5 * Seasonality.volume(tuesday));
        LocalDate blackFriday = LocalDate.of(2025, 11, 28);
        LocalDate ordinaryFriday = LocalDate.of(2025, 10, 10);
        assertThat(Seasonality.volume(blackFriday)).isGreaterThan(1.8 * Seasonality.volume(ordinaryFriday));
    }

    @Test
    void aCustomersTruePropensityFollowsTheSeasons() {
        World world = Worlds.of(42, 5000, 365);
        LatentCustomer customer = world.customer(firstSignedUpBeforeStart(world));
        assertThat(customer.purchasePropensity(Category.SWIMMING, JULY))
                .isGreaterThan(4 * customer.purchasePropensity(Category.SWIMMING, JANUARY));
        assertThat(customer.categoryPreferences(JULY)).hasSize(Category.count());
        assertThat(java.util.Arrays.stream(customer.categoryPreferences(JULY)).sum()).isCloseTo(1.0, within(1e-9));
        double total = customer.purchasePropensity(JULY);
        double byCategory = Category.all().stream().mapToDouble(c -> customer.purchasePropensity(c, JULY)).sum();
        assertThat(total).isCloseTo(byCategory, within(1e-12)).isPositive();
    }

    @Test
    void thereIsNoOrganicPropensityUpToTheSignupDay() {
        World world = Worlds.of(42, 5000, 365);
        for (int index = 0; index < 5000; index++) {
            LatentCustomer customer = world.customer(index);
            LocalDate signupDay = LocalDate.ofEpochDay(Math.floorDiv(customer.signupMicros(), PeriodCalendar.DAY_MICROS));
            if (signupDay.isAfter(Worlds.START.plusDays(10))) {
                assertThat(customer.purchasePropensity(signupDay.minusDays(1))).isZero();
                assertThat(customer.purchasePropensity(signupDay)).isZero();
                assertThat(customer.purchasePropensity(signupDay.plusDays(1))).isPositive();
                return;
            }
        }
        throw new AssertionError("no customer signed up during the period");
    }

    @Test
    void theSimulatorsCalendarHoldsTheSeasonalityOfEachDay() {
        PeriodCalendar calendar = new PeriodCalendar(Worlds.START, 365);
        for (int day = 0; day < 365; day += 13) {
            LocalDate date = Worlds.START.plusDays(day);
            assertThat(calendar.volume(day)).isEqualTo(Seasonality.volume(date));
            assertThat(calendar.maxCategoryFactor(day)).isEqualTo(Seasonality.maxCategory(date));
            for (Category category : Category.all()) {
                assertThat(calendar.categoryFactor(day, category)).isEqualTo(Seasonality.category(category, date));
            }
        }
    }

    @Test
    void campaignsGoOutOnTuesdaysAndTwiceAWeekForTheHolidays() {
        assertThat(PeriodCalendar.isCampaignDay(LocalDate.of(2025, 6, 10))).isTrue();
        assertThat(PeriodCalendar.isCampaignDay(LocalDate.of(2025, 6, 13))).isFalse();
        assertThat(PeriodCalendar.isCampaignDay(LocalDate.of(2025, 11, 28))).isTrue();
    }

    private static int firstSignedUpBeforeStart(World world) {
        for (int index = 0; index < world.customers(); index++) {
            if (world.customer(index).signupMicros() < Worlds.START.toEpochDay() * PeriodCalendar.DAY_MICROS) {
                return index;
            }
        }
        throw new AssertionError("no customer signed up before the start");
    }
}
