package dev.nbo.models.warehouse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An order is either a purchase or a cancellation of earlier purchases. Quantities are positive in both: a
 * cancellation line says how many units went back.
 */
public enum OrderType {
    PURCHASE,
    CANCELLATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
