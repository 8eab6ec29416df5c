package dev.nbo.models.rules;

import dev.nbo.models.id.OfferId;
import java.util.List;
import java.util.Objects;

/**
 * The answer of a rule set for one customer: the rule that matched first, or the default.
 *
 * @param name      the rule's name, or {@code default}
 * @param path      where the rule is in the file ({@code rules[2].rules[0]}), or {@code default}
 * @param offers    its offers, in order; never empty
 * @param isDefault whether no rule matched and the default answered
 */
public record RuleMatch(String name, String path, List<OfferId> offers, boolean isDefault) {
    public RuleMatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        offers = List.copyOf(offers);
        if (offers.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' (" + path + ") must give at least one offer");
        }
    }
}
