package dev.nbo.serving.content;

import java.util.Locale;

/** How a block's offers are chosen among its candidates. */
public enum BlockStrategy {
    /** Ranked by the champion propensity model, weighed by offer value. */
    MODEL,
    /** The marketers' decision list ({@code rules.yaml}); the block's {@code rules} file. */
    RULES,
    /** The most converted offers overall: the control that needs no customer data. */
    POPULAR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BlockStrategy fromWire(String wire) {
        return WireNames.parse(values(), wire, BlockStrategy::wireName);
    }
}
