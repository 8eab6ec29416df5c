package dev.nbo.serving.decision;

import dev.nbo.models.id.OfferId;
import dev.nbo.models.rules.RuleSet;
import java.util.List;
import java.util.Optional;

/**
 * What the decision needs from an email block's configuration.
 *
 * @param candidates            the offers the block may show; empty = every offer of the catalog
 * @param excludeBoughtWithinDays leave out an offer whose target the customer bought this recently (null = never)
 * @param frequencyCap           at most this many exposures of one offer to one customer per window (null = none)
 */
public record BlockPolicy(String id, Strategy strategy, List<OfferId> candidates, int limit, int maxPerCategory,
                          double weight, Integer excludeBoughtWithinDays, FrequencyCap frequencyCap,
                          Optional<RuleSet> rules) {

    public BlockPolicy {
        candidates = List.copyOf(candidates);
        if (limit < 1) {
            throw new IllegalArgumentException("block " + id + ": limit must be at least 1, got " + limit);
        }
        if (maxPerCategory < 1) {
            throw new IllegalArgumentException("block " + id + ": max_per_category must be at least 1, got "
                    + maxPerCategory);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("block " + id + ": weight must be > 0, got " + weight);
        }
        if (strategy == Strategy.RULES && rules.isEmpty()) {
            throw new IllegalArgumentException("block " + id + " uses the rules strategy but names no rules file");
        }
    }

    /**
     * This block as an experiment arm decides it: {@code armStrategy} instead of the block's own, {@code armRules}
     * instead of the block's rules (an arm is one policy: a model arm is not constrained by rules), and for a
     * {@link Strategy#FIXED} arm its listed offers as the candidates. Eligibility, limit, diversity and caps stay the
     * block's, the same for every arm.
     */
    public BlockPolicy forArm(Strategy armStrategy, List<OfferId> fixedOffers, Optional<RuleSet> armRules) {
        List<OfferId> armCandidates = armStrategy == Strategy.FIXED ? fixedOffers : candidates;
        return new BlockPolicy(id, armStrategy, armCandidates, limit, maxPerCategory, weight, excludeBoughtWithinDays,
                frequencyCap, armRules);
    }

    /** At most {@code max} exposures per customer and offer within {@code days} days. */
    public record FrequencyCap(int max, int days) {
        public FrequencyCap {
            if (max < 1 || days < 1) {
                throw new IllegalArgumentException("frequency_cap needs max >= 1 and per_days >= 1, got " + max
                        + " per " + days + " days");
            }
        }
    }
}
