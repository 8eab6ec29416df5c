package dev.nbo.models.rules;

import dev.cel.common.CelIssue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns CEL's compile errors into one line a marketer can act on: CEL's message and column, plus a hint for the
 * usual slips (a misspelt attribute, int and double mixed in arithmetic, {@code =} for {@code ==}, {@code and} for
 * {@code &&}).
 */
final class ConditionDiagnostics {
    private static final int SHOWN_CHARACTERS = 100;

    private final List<String> variableNames;

    ConditionDiagnostics(List<String> variableNames) {
        this.variableNames = List.copyOf(variableNames);
    }

    String describe(List<CelIssue> issues, String expression) {
        List<String> messages = new ArrayList<>();
        for (CelIssue issue : issues) {
            // One line per error: some messages (a bad regex's) carry a line break and a caret of their own.
            String message = issue.getMessage().replaceAll("\\s*\\R\\s*", " ");
            int column = issue.getSourceLocation().getColumn();
            messages.add(message + (column >= 0 ? " (column " + (column + 1) + ")" : "") + hint(message));
        }
        return quoted(expression) + ": " + String.join("; ", messages);
    }

    /** The expression for a message; a long one is cut (the column numbers still point into it). */
    static String quoted(String expression) {
        return "'" + (expression.length() > SHOWN_CHARACTERS
                ? expression.substring(0, SHOWN_CHARACTERS) + "..." : expression) + "'";
    }

    private String hint(String message) {
        if (message.startsWith("undeclared reference")) {
            return "; the attributes are " + String.join(", ", variableNames);
        }
        if (message.contains("applied to '(double, int)'") || message.contains("applied to '(int, double)'")) {
            return "; CEL does not mix int and double in arithmetic: write 100.0 for a double, or convert with"
                    + " double(x) or int(x)";
        }
        if (message.contains("token recognition error at: '= '")) {
            return "; compare with ==";
        }
        if (message.contains("input 'and'") || message.contains("input 'or'") || message.contains("input 'not'")) {
            return "; write && for and, || for or, ! for not";
        }
        return "";
    }
}
