package dev.nbo.features.generate;

import java.util.SplittableRandom;

/** When in the day people shop and sign up: a local-time profile, turned into an offset from the UTC day start. */
final class LocalTimes {
    /** Relative activity of each local hour, 0 to 23: quiet at night, a lunch bump, the evening peak. */
    private static final double[] HOURLY = {1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.0, 3.0, 3.5, 4.0, 4.5, 5.0, 5.0,
            4.5, 4.5, 4.5, 5.0, 6.0, 7.0, 7.5, 7.0, 5.0, 2.5};
    private static final double[] CUMULATIVE = cumulative(HOURLY);

    private LocalTimes() {
    }

    /**
     * Microseconds from the start of a UTC day to a moment of that local day in {@code city}, drawn from the hourly
     * profile. US cities are behind UTC, so the result may pass 24 hours (an evening in Seattle is the next UTC day).
     */
    static long localTimeOfDay(SplittableRandom random, City city) {
        double u = random.nextDouble();
        int hour = 0;
        while (hour < CUMULATIVE.length - 1 && CUMULATIVE[hour] <= u) {
            hour++;
        }
        long local = hour * PeriodCalendar.HOUR_MICROS + Draws.between(random, 0, PeriodCalendar.HOUR_MICROS);
        return local - city.utcOffsetHours() * PeriodCalendar.HOUR_MICROS;
    }

    private static double[] cumulative(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        return cumulative;
    }
}
