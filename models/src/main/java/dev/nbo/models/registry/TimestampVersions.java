package dev.nbo.models.registry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;

/**
 * Version names made from the UTC time of training, {@code yyyyMMdd-HHmmss}, with {@code -2}, {@code -3}, ... when
 * that second is already taken. People read them as dates, and they sort in time order under {@link #ORDER}.
 */
public final class TimestampVersions {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /**
     * Orders versions as people expect: runs of digits compare as numbers, so {@code 20261101-030000-10} comes after
     * {@code 20261101-030000-9}, and a plain timestamp comes before its {@code -2} sibling.
     */
    public static final Comparator<String> ORDER = TimestampVersions::compare;

    private TimestampVersions() {
    }

    /** The first free version name for {@code now}, given the names already {@code taken}. */
    public static String next(Instant now, Collection<String> taken) {
        String stamp = STAMP.format(now);
        if (!taken.contains(stamp)) {
            return stamp;
        }
        for (int n = 2; ; n++) {
            String candidate = stamp + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int startA = i;
                int startB = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int byNumber = compareDigits(a.substring(startA, i), b.substring(startB, j));
                if (byNumber != 0) {
                    return byNumber;
                }
            } else {
                if (a.charAt(i) != b.charAt(j)) {
                    return Character.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        // Numerically equal runs such as 07 and 7 still need an order consistent with equals.
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
