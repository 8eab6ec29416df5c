package dev.nbo.features.generate;

import dev.nbo.models.feature.Window;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;

/**
 * The simulated period, day by day, with the seasonal multipliers of each day computed once: the simulator looks
 * them up hundreds of millions of times. Days are UTC days numbered from 0 (the start date).
 */
final class PeriodCalendar {
    static final long DAY_MICROS = Window.DAY_MICROS;
    static final long HOUR_MICROS = DAY_MICROS / 24;
    static final long MINUTE_MICROS = HOUR_MICROS / 60;
    static final long SECOND_MICROS = 1_000_000L;

    private final LocalDate start;
    private final int days;
    private final long startMicros;
    private final double[] volume;
    private final double[] maxCategoryFactor;
    private final double[] categoryFactor;
    private final boolean[] campaignDay;

    PeriodCalendar(LocalDate start, int days) {
        this.start = start;
        this.days = days;
        this.startMicros = start.toEpochDay() * DAY_MICROS;
        this.volume = new double[days];
        this.maxCategoryFactor = new double[days];
        this.categoryFactor = new double[days * Category.count()];
        this.campaignDay = new boolean[days];
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            volume[d] = Seasonality.volume(date);
            maxCategoryFactor[d] = Seasonality.maxCategory(date);
            for (Category category : Category.all()) {
                categoryFactor[d * Category.count() + category.ordinal()] = Seasonality.category(category, date);
            }
            campaignDay[d] = isCampaignDay(date);
        }
    }

    /**
     * Marketing sends a campaign every Tuesday, and every Tuesday and Friday from mid-November to the end of the
     * year, as retailers do for the holidays.
     */
    static boolean isCampaignDay(LocalDate date) {
        boolean holidays = date.getMonth() == Month.DECEMBER
                || date.getMonth() == Month.NOVEMBER && date.getDayOfMonth() >= 15;
        return date.getDayOfWeek() == DayOfWeek.TUESDAY || holidays && date.getDayOfWeek() == DayOfWeek.FRIDAY;
    }

    LocalDate start() {
        return start;
    }

    int days() {
        return days;
    }

    LocalDate date(int day) {
        return start.plusDays(day);
    }

    long startMicros() {
        return startMicros;
    }

    /** The first instant after the period: nothing happens at or after it. */
    long endMicros() {
        return startMicros + days * DAY_MICROS;
    }

    long dayStartMicros(int day) {
        return startMicros + day * DAY_MICROS;
    }

    /** The day (possibly negative or past the end) holding an instant. */
    int dayOf(long micros) {
        return (int) Math.floorDiv(micros - startMicros, DAY_MICROS);
    }

    double volume(int day) {
        return volume[day];
    }

    double maxCategoryFactor(int day) {
        return maxCategoryFactor[day];
    }

    double categoryFactor(int day, Category category) {
        return categoryFactor[day * Category.count() + category.ordinal()];
    }

    boolean isCampaignDay(int day) {
        return campaignDay[day];
    }
}
