package dev.nbo.models.rules;

import dev.nbo.models.id.OfferId;
import java.util.List;

/** A rule: when its condition holds (and those of its groups), the customer gets its offers, in order. */
public final class Rule extends RuleNode {
    private final RuleMatch match;

    Rule(String name, String path, String description, Condition condition, List<OfferId> offers) {
        super(name, path, description, condition);
        this.match = new RuleMatch(name, path, offers, false);
    }

    /** The offers, in the marketer's order. */
    public List<OfferId> offers() {
        return match.offers();
    }

    @Override
    RuleMatch firstMatch(Binding binding) {
        return holds(binding) ? match : null;
    }

    @Override
    public String toString() {
        return "Rule[" + path() + " " + name() + "]";
    }
}
