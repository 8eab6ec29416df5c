package dev.nbo.serving.decision;

import java.util.Arrays;
import java.util.Locale;

/** How a block orders its offers. */
public enum Strategy {
    /** Propensity × value × block weight, from the champion model. */
    MODEL,
    /** The marketers' rules decide the whole list. */
    RULES,
    /** The offers most bought recently, the same for everyone. */
    POPULAR,
    /**
     * The block's candidates in the order listed, the same for everyone: an experiment's fixed arm (the usual
     * control). Not a blocks.yaml strategy.
     */
    FIXED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Strategy fromWireName(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strategy '" + text + "' is not one of model, rules,"
                        + " popular, fixed"));
    }
}
