package dev.nbo.models.feature;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A look-back window of whole UTC days, or the customer's whole history ({@link #LIFETIME}).
 *
 * <p>Semantics (shared by Spark and the incremental aggregator): at as-of time {@code t}, a window of N days covers
 * rows with time strictly before {@code t} whose UTC day lies in {@code [lastDay - N + 1, lastDay]}, where
 * {@code lastDay} is the day of the last instant before {@code t}. At a midnight as-of this is exactly the N full
 * days before it; at any other instant the current day counts as one of the N. Day granularity is what lets
 * serving continue a window from daily buckets without keeping every event.
 *
 * @param days the length in days, or 0 for the whole history
 */
public record Window(int days) {
    /** Microseconds in a UTC day; every timestamp in the platform is epoch microseconds. */
    public static final long DAY_MICROS = 86_400_000_000L;
    public static final int MAX_DAYS = 3660;
    public static final Window LIFETIME = new Window(0);

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,4})d");

    public Window {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("window of " + days + " days is out of range 1.." + MAX_DAYS);
        }
    }

    /**
     * Parses {@code 7d}, {@code 30d}, {@code 365d}... or {@code lifetime}.
     *
     * @throws IllegalArgumentException naming the bad text and the accepted form
     */
    public static Window parse(String text) {
        if ("lifetime".equals(text)) {
            return LIFETIME;
        }
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(1)) > MAX_DAYS) {
            throw new IllegalArgumentException("'" + text + "' is not a window; write a whole number of days between"
                    + " 1d and " + MAX_DAYS + "d (e.g. 7d, 30d, 365d), or lifetime");
        }
        return new Window(Integer.parseInt(m.group(1)));
    }

    public boolean isLifetime() {
        return days == 0;
    }

    /**
     * An instant as epoch microseconds UTC, the time unit of every feature computation.
     *
     * @throws ArithmeticException for an instant beyond the range of microseconds in a long
     */
    public static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** The instant of a timestamp in microseconds since the epoch (the inverse of {@link #micros}). */
    public static java.time.Instant instant(long micros) {
        return java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
    }

    /** UTC epoch day of a timestamp in microseconds. */
    public static int dayOf(long micros) {
        return (int) Math.floorDiv(micros, DAY_MICROS);
    }

    /** The day of the last instant before {@code asOfMicros}: the newest day a window at that time covers. */
    public static int lastDay(long asOfMicros) {
        return dayOf(asOfMicros - 1);
    }

    /** The oldest day this window covers at {@code asOfMicros}; {@link Integer#MIN_VALUE} for the whole history. */
    public int firstDay(long asOfMicros) {
        return isLifetime() ? Integer.MIN_VALUE : lastDay(asOfMicros) - days + 1;
    }

    @Override
    public String toString() {
        return isLifetime() ? "lifetime" : days + "d";
    }
}
