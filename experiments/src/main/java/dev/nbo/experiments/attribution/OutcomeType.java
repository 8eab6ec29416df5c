package dev.nbo.experiments.attribution;

import java.util.Arrays;
import java.util.Optional;

/** The events that count as outcomes of an e-mail, by their event wire names. */
public enum OutcomeType {
    OPEN("email_open"),
    CLICK("email_click"),
    PURCHASE("purchase");

    private final String wireName;

    OutcomeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<OutcomeType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
