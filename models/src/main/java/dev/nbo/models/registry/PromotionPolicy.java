package dev.nbo.models.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a training run may do with the champion pointer ({@code --promote auto|never|force}). */
public enum PromotionPolicy {
    /** Promote when there is no champion, or when the candidate beats it by more than the margin. */
    AUTO,
    /** Register as a candidate only; a person promotes later. */
    NEVER,
    /** Promote whatever the metrics say (first model of a new setup, a deliberate rollback); parity still applies. */
    FORCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PromotionPolicy fromWireName(String text) {
        for (PromotionPolicy policy : values()) {
            if (policy.wireName().equals(text == null ? null : text.strip().toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("promotion policy '" + text + "' is not known; use one of "
                + Arrays.stream(values()).map(PromotionPolicy::wireName).collect(Collectors.joining(", ")));
    }
}
