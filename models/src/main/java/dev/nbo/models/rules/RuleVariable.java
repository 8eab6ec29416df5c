package dev.nbo.models.rules;

import dev.nbo.models.feature.ValueType;
import java.util.Objects;

/**
 * A name a rule condition can use, with its type. {@link #celType()} is how CEL sees it: {@code int},
 * {@code double}, {@code string}, {@code bool} or {@code list(string)}.
 */
public record RuleVariable(String name, ValueType type) {
    public RuleVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a rule variable needs a name");
        }
    }

    /** The CEL type a condition sees. */
    public String celType() {
        return switch (type) {
            case LONG -> "int";
            case DOUBLE -> "double";
            case STRING -> "string";
            case BOOLEAN -> "bool";
            case STRING_LIST -> "list(string)";
        };
    }
}
