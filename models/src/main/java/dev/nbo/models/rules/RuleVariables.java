package dev.nbo.models.rules;

import dev.cel.runtime.CelAttributePattern;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables conditions may use: every customer feature of the spec, plus the customer's {@code segment} (name)
 * and {@code segment_id}. Turns a caller's attribute map into a {@link Binding}, checking each value's Java type once
 * so that a wrong type is the caller's error, not a rule's.
 */
final class RuleVariables {
    /** The segment the customer belongs to, by name and by id; set by the segmentation model. */
    static final RuleVariable SEGMENT = new RuleVariable("segment", ValueType.STRING);
    static final RuleVariable SEGMENT_ID = new RuleVariable("segment_id", ValueType.LONG);
    /**
     * The names that are missing in one evaluation; {@code has_value(x)} expands to a test on it. The {@code @}
     * keeps it out of reach of conditions: the CEL parser accepts no identifier starting with it.
     */
    static final String MISSING = "@missing";

    private final List<RuleVariable> variables;
    private final Map<String, CelAttributePattern> unknownPatterns = new HashMap<>();

    private RuleVariables(List<RuleVariable> variables) {
        this.variables = List.copyOf(variables);
        for (RuleVariable variable : this.variables) {
            unknownPatterns.put(variable.name(), CelAttributePattern.create(variable.name()));
        }
    }

    static RuleVariables of(FeatureSpec spec) {
        List<RuleVariable> variables = new ArrayList<>();
        for (FeatureDefinition feature : spec.features(Entity.CUSTOMER)) {
            if (feature.name().equals(SEGMENT.name()) || feature.name().equals(SEGMENT_ID.name())) {
                throw new IllegalArgumentException(spec.origin() + ": customer feature '" + feature.name()
                        + "' has the name rules use for the customer's segment; rename the feature");
            }
            variables.add(new RuleVariable(feature.name(), feature.type()));
        }
        variables.add(SEGMENT);
        variables.add(SEGMENT_ID);
        return new RuleVariables(variables);
    }

    List<RuleVariable> all() {
        return variables;
    }

    List<String> names() {
        return variables.stream().map(RuleVariable::name).toList();
    }

    boolean isDeclared(String name) {
        return unknownPatterns.containsKey(name);
    }

    /**
     * Binds one customer's attributes. Null, absent and NaN values are missing; keys that are not variables are
     * ignored, so a whole feature row can be passed.
     *
     * @throws IllegalArgumentException when a value's Java type does not fit its variable's type
     */
    Binding bind(Map<String, ?> attributes) {
        Map<String, Object> values = new HashMap<>(variables.size() * 2);
        List<String> missing = new ArrayList<>();
        for (RuleVariable variable : variables) {
            Object value = normalize(variable, attributes.get(variable.name()));
            if (value == null) {
                missing.add(variable.name());
            } else {
                values.put(variable.name(), value);
            }
        }
        values.put(MISSING, missing);
        return new Binding(values, missing.isEmpty() ? Set.of() : new HashSet<>(missing), unknownPatterns);
    }

    private static Object normalize(RuleVariable variable, Object value) {
        if (value == null) {
            return null;
        }
        return switch (variable.type()) {
            case LONG -> {
                if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    yield ((Number) value).longValue();
                }
                throw wrongType(variable, value, "a Long or Integer");
            }
            case DOUBLE -> {
                if (!(value instanceof Number number)) {
                    throw wrongType(variable, value, "a Double (or any Number)");
                }
                double d = number.doubleValue();
                // NaN compares false with everything, so '!(x > 3)' would hold: it is no value, i.e. missing.
                yield Double.isNaN(d) ? null : d;
            }
            case STRING -> {
                if (value instanceof String) {
                    yield value;
                }
                throw wrongType(variable, value, "a String");
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    yield value;
                }
                throw wrongType(variable, value, "a Boolean");
            }
            case STRING_LIST -> {
                if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                    yield list;
                }
                throw wrongType(variable, value, "a List of non-null Strings");
            }
        };
    }

    private static IllegalArgumentException wrongType(RuleVariable variable, Object value, String expected) {
        String shown = String.valueOf(value);
        shown = shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
        return new IllegalArgumentException("attribute '" + variable.name() + "' is a " + variable.celType()
                + " in rule conditions and takes " + expected + ", not " + value.getClass().getSimpleName() + " '"
                + shown + "'; pass the value the feature pipeline produces, or null when it is missing");
    }
}
