package dev.nbo.serving.content;

import java.util.Locale;

/** The content element a block shows (the columns of the marketers' mapping matrix). */
public enum ContentElement {
    PRODUCT_RECOMMENDATIONS,
    LOCALIZED_PROMOTIONS,
    CROSS_SELL,
    UP_SELL,
    WIN_BACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentElement fromWire(String wire) {
        return WireNames.parse(values(), wire, ContentElement::wireName);
    }
}
