package dev.nbo.serving.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an API key may do. A route declares the one scope it needs; {@code admin} does not imply the others. */
public enum Scope {
    OFFERS_READ("offers:read"),
    EVENTS_WRITE("events:write"),
    ADMIN("admin");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    /** The name used in config files, OpenAPI and error messages, e.g. {@code offers:read}. */
    public String label() {
        return label;
    }

    public static Scope fromLabel(String label) {
        for (Scope scope : values()) {
            if (scope.label.equals(label)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + label + "'; use one of " + allLabels());
    }

    static String allLabels() {
        return Arrays.stream(values()).map(Scope::label).collect(Collectors.joining(", "));
    }
}
