package dev.nbo.models.encode;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one feature becomes model inputs. */
public enum EncoderKind {
    /** A number as it is; a boolean as 0 or 1; missing stays missing. */
    NUMERIC,
    /** One input per frequent value, plus "(other)" and "(missing)"; exactly one of them is 1. */
    ONE_HOT,
    /** A list of strings: one input per frequent value, 1 when the list holds it. */
    MULTI_HOT,
    /** A category-valued string: 1 when it equals the offer's category (e.g. the last category viewed). */
    MATCHES_OFFER_CATEGORY,
    /** A list of strings: 1 when it holds the offer's category (e.g. interests). */
    CONTAINS_OFFER_CATEGORY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EncoderKind fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
