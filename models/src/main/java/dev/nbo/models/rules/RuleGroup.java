package dev.nbo.models.rules;

import java.util.List;

/**
 * A condition shared by an ordered list of rules and groups. When it holds, its entries are tried in order; when
 * none of them matches, evaluation falls through to the entry after the group, as if the group were not there.
 */
public final class RuleGroup extends RuleNode {
    private final List<RuleNode> rules;

    RuleGroup(String name, String path, String description, Condition condition, List<RuleNode> rules) {
        super(name, path, description, condition);
        this.rules = List.copyOf(rules);
    }

    /** The enabled entries, in order. */
    public List<RuleNode> rules() {
        return rules;
    }

    @Override
    RuleMatch firstMatch(Binding binding) {
        if (!holds(binding)) {
            return null;
        }
        for (RuleNode rule : rules) {
            RuleMatch match = rule.firstMatch(binding);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "RuleGroup[" + path() + " " + name() + ", " + rules.size() + " entries]";
    }
}
