package dev.nbo.models.rules;

import com.google.common.collect.ImmutableList;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelMacro;
import dev.cel.parser.CelMacroExprFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.AstDepthLimitValidator;
import dev.cel.validator.validators.RegexLiteralValidator;
import java.util.List;
import java.util.Optional;

/**
 * Compiles rule conditions with CEL (parse, type-check against the rule variables, validate), once, at load.
 *
 * <p>The environment is the standard one, kept non-Turing-complete: CEL has no loops or recursion, its
 * comprehensions ({@code exists}, {@code all}...) run over finite lists and are capped, and we add no function
 * that loops. We add only {@code has_value(x)} (a macro: a test on the set of missing names) and {@code ==} /
 * {@code !=} between an int and a double, so that {@code spend_365d == 0} means what a marketer reads.
 */
final class ConditionCompiler {
    /** A condition is a line or two; a longer one belongs in several rules. */
    static final int MAX_CHARACTERS = 1_000;
    static final int MAX_DEPTH = 32;
    /** Lists here are a customer's interests: a handful of items. */
    static final int MAX_COMPREHENSION_ITERATIONS = 1_000;
    static final int MAX_REGEX_PROGRAM_SIZE = 1_000;

    private final RuleVariables variables;
    private final ConditionDiagnostics diagnostics;
    private final Cel cel;
    private final CelValidator validator;

    ConditionCompiler(RuleVariables variables) {
        this.variables = variables;
        this.diagnostics = new ConditionDiagnostics(variables.names());
        CelOptions options = CelOptions.current()
                // spend_365d > 100 (double against int literal) type-checks and compares numerically.
                .enableHeterogeneousNumericComparisons(true)
                // Missing values are CEL unknowns (see Binding), which needs unknown tracking.
                .enableUnknownTracking(true)
                .maxExpressionCodePointSize(MAX_CHARACTERS)
                .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
                .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
                .build();
        var builder = CelFactory.standardCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addMacros(CelMacro.newGlobalMacro("has_value", 1, this::expandHasValue))
                .addVar(RuleVariables.MISSING, ListType.create(SimpleType.STRING))
                .addFunctionDeclarations(MixedNumberEquality.declarations())
                .addFunctionBindings(MixedNumberEquality.bindings());
        for (RuleVariable variable : variables.all()) {
            builder.addVar(variable.name(), celType(variable));
        }
        this.cel = builder.build();
        this.validator = CelValidatorFactory.standardCelValidatorBuilder(cel)
                .addAstValidators(RegexLiteralValidator.INSTANCE, AstDepthLimitValidator.newInstance(MAX_DEPTH))
                .build();
    }

    /**
     * Compiles one condition.
     *
     * @throws IllegalArgumentException with CEL's message (and a hint) when it does not parse, names an unknown
     *                                  attribute, does not type-check, or is not a bool
     */
    Condition compile(String expression) {
        CelValidationResult compiled = cel.compile(expression, "when");
        if (compiled.hasError()) {
            throw new IllegalArgumentException(diagnostics.describe(compiled.getErrors(), expression));
        }
        CelValidationResult validated = validator.validate(ast(compiled));
        if (validated.hasError()) {
            throw new IllegalArgumentException(diagnostics.describe(validated.getErrors(), expression));
        }
        CelAbstractSyntaxTree ast = ast(validated);
        CelType type = ast.getResultType();
        if (!type.equals(SimpleType.BOOL)) {
            throw new IllegalArgumentException(ConditionDiagnostics.quoted(expression) + " is a " + CelTypes.format(type)
                    + ", not true or false; write a test such as orders_365d >= 3 or \"golf\" in interests");
        }
        try {
            return new Condition(expression, cel.createProgram(ast), reads(ast));
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException(ConditionDiagnostics.quoted(expression) + " cannot be planned: " + e.getMessage(), e);
        }
    }

    /** The variables an expression reads, from the checker's resolved references (has_value reads none). */
    private List<String> reads(CelAbstractSyntaxTree ast) {
        return ast.getReferenceMap().values().stream().map(CelReference::name).filter(variables::isDeclared)
                .distinct().sorted().toList();
    }

    private static CelAbstractSyntaxTree ast(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but gave no syntax tree", e);
        }
    }

    /**
     * {@code has_value(x)}: whether attribute {@code x} has a value. A macro rather than a function so that it reads
     * the set of missing names instead of {@code x} itself (reading a missing {@code x} would make it unknown).
     */
    private Optional<CelExpr> expandHasValue(CelMacroExprFactory factory, CelExpr target,
            ImmutableList<CelExpr> arguments) {
        CelExpr argument = arguments.get(0);
        if (argument.getKind() != CelExpr.ExprKind.Kind.IDENT || !variables.isDeclared(argument.ident().name())) {
            return Optional.of(factory.reportError("has_value takes one attribute name, such as"
                    + " has_value(days_since_last_purchase)"));
        }
        CelExpr name = factory.newStringLiteral(argument.ident().name());
        CelExpr isMissing = factory.newGlobalCall(Operator.IN.getFunction(), name,
                factory.newIdentifier(RuleVariables.MISSING));
        return Optional.of(factory.newGlobalCall(Operator.LOGICAL_NOT.getFunction(), isMissing));
    }

    private static CelType celType(RuleVariable variable) {
        return switch (variable.type()) {
            case LONG -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case STRING -> SimpleType.STRING;
            case BOOLEAN -> SimpleType.BOOL;
            case STRING_LIST -> ListType.create(SimpleType.STRING);
        };
    }
}
