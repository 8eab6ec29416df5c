package dev.nbo.features.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * How shopping changes with the calendar, as multipliers of a customer's everyday rate: each category has its season
 * (swimming, outdoor and cycling in summer, golf from March to October, fitness in January, home in November and
 * December), and the overall volume rises for the holidays and on weekends.
 */
public final class Seasonality {
    private static final double DAYS_PER_YEAR = 365.25;

    private Seasonality() {
    }

    /** The multiplier of shopping missions in {@code category} on {@code day}. */
    public static double category(Category category, LocalDate day) {
        Month month = day.getMonth();
        return switch (category) {
            case SWIMMING -> wave(day, 0.9, 192);
            case OUTDOOR -> wave(day, 0.6, 185);
            case CYCLING -> wave(day, 0.55, 170);
            case TENNIS -> wave(day, 0.4, 175);
            case RUNNING -> wave(day, 0.25, 110);
            case GOLF -> month.getValue() >= 3 && month.getValue() <= 10 ? 1.35 : 0.45;
            case FITNESS -> month == Month.JANUARY ? 1.9 : month == Month.FEBRUARY ? 1.3 : 0.9;
            case YOGA -> month == Month.JANUARY ? 1.3 : 1.0;
            case HOME -> month == Month.NOVEMBER ? 1.5
                    : month == Month.DECEMBER ? (day.getDayOfMonth() <= 24 ? 2.0 : 1.2) : 0.85;
            case KIDS -> month == Month.AUGUST ? 1.5 : month == Month.DECEMBER ? 1.3 : 0.95;
            case WOMENSWEAR, MENSWEAR -> month == Month.MARCH || month == Month.APRIL ? 1.15
                    : month == Month.NOVEMBER || month == Month.DECEMBER ? 1.3 : 1.0;
        };
    }

    /** The largest category multiplier of the day; the simulator draws missions at this rate and thins them. */
    public static double maxCategory(LocalDate day) {
        double max = 0;
        for (Category category : Category.all()) {
            max = Math.max(max, category(category, day));
        }
        return max;
    }

    /** The multiplier of all shopping on {@code day}: holiday season and day of the week. */
    public static double volume(LocalDate day) {
        return holidays(day) * weekday(day.getDayOfWeek());
    }

    private static double holidays(LocalDate day) {
        if (day.getMonth() == Month.NOVEMBER || day.getMonth() == Month.DECEMBER) {
            LocalDate thanksgiving = LocalDate.of(day.getYear(), Month.NOVEMBER, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
            if (day.isBefore(thanksgiving.minusDays(3))) {
                return 1.15;
            }
            if (!day.isAfter(thanksgiving.plusDays(4))) {
                return 2.0; // Black Friday to Cyber Monday
            }
            return day.getMonth() == Month.DECEMBER && day.getDayOfMonth() > 22 ? 0.9 : 1.4;
        }
        return 1.0;
    }

    private static double weekday(DayOfWeek day) {
        return switch (day) {
            case MONDAY, THURSDAY -> 0.9;
            case TUESDAY, WEDNESDAY -> 0.85;
            case FRIDAY -> 1.0;
            case SATURDAY -> 1.4;
            case SUNDAY -> 1.35;
        };
    }

    /** A smooth yearly cycle peaking on day-of-year {@code peak}: e^amplitude there, e^-amplitude half a year away. */
    private static double wave(LocalDate day, double amplitude, int peak) {
        return Math.exp(amplitude * Math.cos(2 * Math.PI * (day.getDayOfYear() - peak) / DAYS_PER_YEAR));
    }
}
