package dev.nbo.models.rules;

import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.PartialVars;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One customer's values, ready for every condition of a rule set. Missing variables are declared <em>unknown</em>
 * to CEL: a condition whose outcome depends on one evaluates to an unknown set rather than true or false, while
 * {@code false && x} and {@code true || x} still decide without it.
 */
final class Binding {
    private final Map<String, Object> values;
    private final Set<String> missing;
    private final Map<String, CelAttributePattern> patterns;

    /**
     * @param values   the present values, and the list of missing names under {@link RuleVariables#MISSING}
     * @param missing  the names with no value
     * @param patterns the unknown pattern of every variable, built once per rule set
     */
    Binding(Map<String, Object> values, Set<String> missing, Map<String, CelAttributePattern> patterns) {
        this.values = values;
        this.missing = missing;
        this.patterns = patterns;
    }

    /**
     * Runs one compiled condition: a Boolean, or a {@code CelUnknownSet} when a missing value was needed.
     * Only the missing names the condition reads are declared unknown, and none when it reads no missing name:
     * unknown tracking costs, and most conditions of most customers need none of it.
     */
    Object evaluate(Program program, List<String> reads) throws CelEvaluationException {
        if (missing.isEmpty()) {
            return program.eval(values);
        }
        List<CelAttributePattern> unknowns = null;
        for (String name : reads) {
            if (missing.contains(name)) {
                if (unknowns == null) {
                    unknowns = new ArrayList<>(2);
                }
                unknowns.add(patterns.get(name));
            }
        }
        return unknowns == null
                ? program.eval(values)
                : program.eval(PartialVars.of(values, unknowns.toArray(CelAttributePattern[]::new)));
    }
}
