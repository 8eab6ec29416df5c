package dev.nbo.models.rules;

import dev.cel.runtime.CelEvaluationException;
import java.util.Objects;

/**
 * An entry of the decision list: a {@link Rule} (a condition and offers) or a {@link RuleGroup} (a condition shared
 * by an ordered list of entries). Immutable apart from its thread-safe counters.
 */
public abstract sealed class RuleNode permits Rule, RuleGroup {
    private final String name;
    private final String path;
    private final String description;
    private final Condition condition;
    private final RuleCounters counters = new RuleCounters();

    RuleNode(String name, String path, String description, Condition condition) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = Objects.requireNonNull(path, "path");
        this.description = description == null ? "" : description;
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    /** The unique name marketers gave it; reports and decision logs use it. */
    public String name() {
        return name;
    }

    /** Where it is in the file, such as {@code rules[2].rules[0]}. */
    public String path() {
        return path;
    }

    public String description() {
        return description;
    }

    /** The CEL condition as written, or "" when it always holds. */
    public String when() {
        return condition.expression();
    }

    /** How often its condition held, could not be decided, or failed, since load. */
    public RuleStats stats() {
        return counters.snapshot(path, name);
    }

    /** The first rule at or under this node that matches, or null to fall through to the next entry. */
    abstract RuleMatch firstMatch(Binding binding);

    /**
     * Whether the condition holds. An undecided condition (it needed a missing value) does not hold; nor does one
     * whose evaluation fails: the failure is counted, and the decision list moves on rather than failing the
     * caller, because one bad rule must not stop every send.
     */
    final boolean holds(Binding binding) {
        try {
            Condition.Verdict verdict = condition.test(binding);
            counters.record(verdict);
            return verdict == Condition.Verdict.MATCH;
        } catch (CelEvaluationException | RuntimeException e) {
            counters.recordError(e);
            return false;
        }
    }
}
