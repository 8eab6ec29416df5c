package dev.nbo.models.id;

/**
 * The one rule every id follows: 1 to 128 characters of letters, digits and {@code _ - . : @ +}. It keeps ids safe in
 * file names, URLs, Redis keys and log lines, and it accepts what real exports contain (UCI stock codes such as
 * {@code 85123A}, numeric customer ids, e-mail-like ids).
 */
public final class IdFormat {
    /** The rule as a regular expression, for checks that run outside Java objects (Spark SQL {@code rlike}). */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9_\\-.:@+]{0,127}";
    private static final int MAX_LENGTH = 128;

    private IdFormat() {
    }

    public static String check(String kind, String value) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        if (!isValid(value)) {
            throw new IllegalArgumentException(kind + " '" + printable(value) + "' is not a valid id: use 1 to 128"
                    + " letters, digits or _ - . : @ +, starting with a letter or digit");
        }
        return value;
    }

    /**
     * True when {@code value} follows the rule. Checked character by character, not with {@link #REGEX}: ingestion
     * checks several ids per event at 50,000 events a second, and a regex match costs a matcher each (IdFormatTest
     * holds the two to the same answers).
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '_' && c != '-' && c != '.' && c != ':' && c != '@' && c != '+') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String printable(String value) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
