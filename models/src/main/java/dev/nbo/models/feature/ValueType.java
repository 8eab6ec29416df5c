package dev.nbo.models.feature;

import java.util.Locale;

/** The type of a feature value or a source column. */
public enum ValueType {
    LONG,
    DOUBLE,
    STRING,
    BOOLEAN,
    STRING_LIST;

    public boolean isNumeric() {
        return this == LONG || this == DOUBLE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
