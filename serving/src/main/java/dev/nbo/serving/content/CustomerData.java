package dev.nbo.serving.content;

import java.util.Locale;

/** The customer data a block draws on (the rows of the marketers' mapping matrix). */
public enum CustomerData {
    BROWSING_HISTORY,
    LOCATION,
    PAST_PURCHASES,
    PROFILE,
    SEGMENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of {@code wire} as written in {@code blocks.yaml}, or an exception listing the known values. */
    public static CustomerData fromWire(String wire) {
        return WireNames.parse(values(), wire, CustomerData::wireName);
    }
}
