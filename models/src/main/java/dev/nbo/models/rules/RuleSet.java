package dev.nbo.models.rules;

import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The marketers' rules ({@code rules.yaml}): an ordered decision list of CEL conditions over a customer's features,
 * where the first rule that matches gives the offers, and a default answers for everyone else. Training evaluates it
 * as the baseline on the holdout and serving applies it at send time: the same code, the same answers.
 *
 * <p>Every condition is compiled once at load; {@link #evaluate} is thread-safe and allocates only the customer's
 * bindings. A condition that fails at run time (rare after type-checking: an integer division by zero, an
 * oversized regular expression) does not hold; it is counted in {@link #stats()} and never thrown to the caller.
 */
public final class RuleSet {
    private final String origin;
    private final RuleVariables variables;
    private final List<RuleNode> rules;
    private final RuleMatch defaultMatch;
    private final LongAdder defaults = new LongAdder();

    RuleSet(String origin, RuleVariables variables, List<RuleNode> rules, RuleMatch defaultMatch) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.variables = Objects.requireNonNull(variables, "variables");
        this.rules = List.copyOf(rules);
        this.defaultMatch = Objects.requireNonNull(defaultMatch, "defaultMatch");
    }

    /**
     * Loads and validates a {@code rules.yaml} file against the features conditions may use and the offers rules
     * may give.
     *
     * @throws dev.nbo.models.config.InvalidConfigException naming the file, line, rule and problem
     */
    public static RuleSet load(Path rulesYaml, FeatureSpec spec, OfferCatalog catalog) {
        return RuleSetLoader.load(rulesYaml, spec, catalog);
    }

    /** Parses YAML text; {@code origin} names it in error messages. */
    public static RuleSet parse(String origin, String yaml, FeatureSpec spec, OfferCatalog catalog) {
        return RuleSetLoader.parse(origin, yaml, spec, catalog);
    }

    /**
     * The first rule, in file order, whose condition (and those of its groups) holds for these attributes, or the
     * default.
     *
     * @param attributes feature name (and {@code segment}, {@code segment_id}) to value: Long or Integer for int
     *                   features, any Number for double ones, String, Boolean, List of String. A null, absent or NaN
     *                   value is missing; a condition that needs it does not hold (see docs/rules-yaml.md). Other
     *                   keys are ignored.
     * @throws IllegalArgumentException when a value's Java type does not fit its feature's type (a caller's bug)
     */
    public RuleMatch evaluate(Map<String, ?> attributes) {
        Binding binding = variables.bind(Objects.requireNonNull(attributes, "attributes"));
        for (RuleNode rule : rules) {
            RuleMatch match = rule.firstMatch(binding);
            if (match != null) {
                return match;
            }
        }
        defaults.increment();
        return defaultMatch;
    }

    /** Where the rules were read from. */
    public String origin() {
        return origin;
    }

    /** The enabled top-level entries, in order. */
    public List<RuleNode> rules() {
        return rules;
    }

    /** The answer when no rule matches. */
    public RuleMatch defaultMatch() {
        return defaultMatch;
    }

    /** The names conditions may use, with their types. */
    public List<RuleVariable> variables() {
        return variables.all();
    }

    /** Counts for every enabled entry, depth first in file order, then the default (its matched count). */
    public List<RuleStats> stats() {
        List<RuleStats> stats = new ArrayList<>();
        collect(rules, stats);
        stats.add(new RuleStats(defaultMatch.path(), defaultMatch.name(), defaults.sum(), 0, 0, ""));
        return List.copyOf(stats);
    }

    /** Condition failures since load, over all entries; non-zero means a rule deserves a look (see stats). */
    public long errors() {
        return stats().stream().mapToLong(RuleStats::errors).sum();
    }

    private static void collect(List<RuleNode> nodes, List<RuleStats> stats) {
        for (RuleNode node : nodes) {
            stats.add(node.stats());
            if (node instanceof RuleGroup group) {
                collect(group.rules(), stats);
            }
        }
    }

    @Override
    public String toString() {
        return "RuleSet[" + origin + ", " + rules.size() + " entries]";
    }
}
