package dev.nbo.serving.content;

import java.util.Locale;

/** Why a block was rendered as it was: the personal template, or the fallback and the cause. */
public enum RenderReason {
    PERSONALIZED,
    UNKNOWN_CUSTOMER,
    OPTED_OUT,
    NO_OFFERS,
    MISSING_VARIABLE,
    RENDER_ERROR,
    BLANK_OUTPUT;

    /** The name for logs, metrics labels and JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
