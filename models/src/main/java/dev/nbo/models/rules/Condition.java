package dev.nbo.models.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.Program;
import java.util.List;

/** A rule's {@code when}, compiled once; a rule without one always holds. Immutable, so shared across threads. */
final class Condition {
    static final Condition ALWAYS = new Condition("", null, List.of());

    /** The three outcomes of a condition; only {@link #MATCH} selects a rule. */
    enum Verdict {
        MATCH,
        NO_MATCH,
        /** The outcome needed a missing value (see {@link Binding}). */
        UNDECIDED
    }

    private final String expression;
    private final Program program;
    private final List<String> reads;

    /** @param reads the variables the expression reads, which are the only ones it can find missing */
    Condition(String expression, Program program, List<String> reads) {
        this.expression = expression;
        this.program = program;
        this.reads = List.copyOf(reads);
    }

    /** The CEL source, or "" for a rule that always holds. */
    String expression() {
        return expression;
    }

    Verdict test(Binding binding) throws CelEvaluationException {
        if (program == null) {
            return Verdict.MATCH;
        }
        Object result = binding.evaluate(program, reads);
        if (result instanceof Boolean holds) {
            return holds ? Verdict.MATCH : Verdict.NO_MATCH;
        }
        if (result instanceof CelUnknownSet) {
            return Verdict.UNDECIDED;
        }
        // The checker proved the type bool at load, so anything else is a CEL defect worth reporting as one.
        throw new CelEvaluationException("the condition gave " + result + " instead of true or false");
    }
}
