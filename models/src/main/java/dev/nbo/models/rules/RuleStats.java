package dev.nbo.models.rules;

import java.util.Objects;

/**
 * What one entry of a rule set did since load.
 *
 * @param matched   evaluations in which its condition held (for a rule: times it was the answer)
 * @param undecided evaluations in which its condition needed a missing value, so did not hold
 * @param errors    evaluations in which its condition failed, so did not hold
 * @param lastError the last failure's message, or "" when there was none
 */
public record RuleStats(String path, String name, long matched, long undecided, long errors, String lastError) {
    public RuleStats {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        lastError = lastError == null ? "" : lastError;
        if (matched < 0 || undecided < 0 || errors < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got matched " + matched + ", undecided "
                    + undecided + ", errors " + errors + " for " + path);
        }
    }
}
