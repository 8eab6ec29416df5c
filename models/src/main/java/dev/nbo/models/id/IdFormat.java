package dev.nbo.models.id;

import java.util.regex.Pattern;

/**
 * The one rule every id follows: 1 to 128 characters of letters, digits and {@code _ - . : @ +}. It keeps ids safe in
 * file names, URLs, Redis keys and log lines, and it accepts what real exports contain (UCI stock codes such as
 * {@code 85123A}, numeric customer ids, e-mail-like ids).
 */
public final class IdFormat {
    /** The rule as a regular expression, for checks that run outside Java objects (Spark SQL {@code rlike}). */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9_\\-.:@+]{0,127}";
    private static final Pattern VALID = Pattern.compile(REGEX);

    private IdFormat() {
    }

    public static String check(String kind, String value) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " '" + printable(value) + "' is not a valid id: use 1 to 128"
                    + " letters, digits or _ - . : @ +, starting with a letter or digit");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    private static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
