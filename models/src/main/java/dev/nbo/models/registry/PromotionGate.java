package dev.nbo.models.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides whether a registered candidate becomes the champion. Pure logic: the caller brings the candidate's manifest
 * and the champion's value of the metric (re-scored on the candidate's holdout when it can), and applies the decision
 * with {@link ModelRegistry#apply}.
 *
 * <p>Rules, in order: a candidate whose ONNX parity failed is never promoted, whatever the policy; NEVER keeps it;
 * FORCE promotes it; AUTO promotes when there is no champion, and otherwise only when the holdout is large enough and
 * the candidate beats the champion by more than the margin. A tie is not a win. Differences within {@value #NOISE} of
 * the margin count as ties, so that floating-point noise cannot decide a promotion.
 */
public final class PromotionGate {
    static final double NOISE = 1e-9;

    private final GateConfig config;

    public PromotionGate(GateConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required; use GateConfig.DEFAULT for the defaults");
        }
        this.config = config;
    }

    public GateConfig config() {
        return config;
    }

    public PromotionDecision decide(PromotionPolicy policy, ModelManifest candidate, Optional<ChampionScore> champion) {
        String metric = config.metric();
        Double value = candidate.metrics().get(metric);
        OptionalDouble candidateValue = value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        String version = candidate.version();
        if (!candidate.parity().passed()) {
            return keep(policy, version, candidateValue, champion, "the ONNX export does not match the trained model ("
                    + candidate.parity().failure() + "); such a model is never promoted, not even with --promote"
                    + " force; fix the export and train again");
        }
        switch (policy) {
            case NEVER:
                return keep(policy, version, candidateValue, champion, "the promotion policy is never"
                        + valueNote(candidateValue) + champion.map(c -> "; champion " + c.version() + " ("
                        + number(c.value()) + ") stays").orElse("") + "; promote it by hand if wanted");
            case FORCE:
                return new PromotionDecision(true, policy, "promoted by force" + valueNote(candidateValue)
                        + champion.map(c -> "; it replaces champion " + c.version() + " (" + number(c.value()) + ")")
                        .orElse(""), metric, version, candidateValue, champion);
            case AUTO:
                return auto(candidate, candidateValue, champion);
            default:
                throw new IllegalArgumentException("unknown promotion policy " + policy);
        }
    }

    private PromotionDecision auto(ModelManifest candidate, OptionalDouble candidateValue,
            Optional<ChampionScore> championScore) {
        String metric = config.metric();
        String version = candidate.version();
        if (candidateValue.isEmpty()) {
            throw new IllegalArgumentException("candidate " + version + " has no metric '" + metric + "' (it has "
                    + candidate.metrics().keySet() + "); set promotion.metric to one of them or make training report"
                    + " it");
        }
        double value = candidateValue.getAsDouble();
        if (championScore.isEmpty()) {
            return new PromotionDecision(true, PromotionPolicy.AUTO, "promoted: there is no champion yet ("
                    + metric + " " + number(value) + ")", metric, version, candidateValue, championScore);
        }
        ChampionScore champion = championScore.get();
        String against = "champion " + champion.version() + " (" + number(champion.value()) + ")";
        String basis = champion.sameHoldout() ? "" : "; the champion's value is the one recorded on its own older"
                + " holdout, not re-scored on this candidate's holdout, so the comparison is only indicative";
        long holdoutRows = candidate.training().holdoutRows();
        if (holdoutRows < config.minHoldoutRows()) {
            return keep(PromotionPolicy.AUTO, version, candidateValue, championScore, "the holdout has " + holdoutRows
                    + " rows, fewer than min_holdout_rows " + config.minHoldoutRows() + ", too few to compare "
                    + metric + " " + number(value) + " with " + against);
        }
        double gain = config.higherIsBetter() ? value - champion.value() : champion.value() - value;
        if (gain - config.margin() > NOISE) {
            return new PromotionDecision(true, PromotionPolicy.AUTO, "promoted: " + metric + " " + number(value)
                    + " beats " + against + " by " + number(gain) + ", more than the margin "
                    + number(config.margin()) + basis, metric, version, candidateValue, championScore);
        }
        return keep(PromotionPolicy.AUTO, version, candidateValue, championScore, metric + " " + number(value)
                + " does not beat " + against + " by the margin " + number(config.margin()) + basis);
    }

    private PromotionDecision keep(PromotionPolicy policy, String version, OptionalDouble candidateValue,
            Optional<ChampionScore> champion, String why) {
        return new PromotionDecision(false, policy, "kept as candidate: " + why, config.metric(), version,
                candidateValue, champion);
    }

    private String valueNote(OptionalDouble value) {
        return value.isPresent() ? " (" + config.metric() + " " + number(value.getAsDouble()) + ")" : "";
    }

    /** Six decimals at most and no trailing zeros: 0.412, not 0.41200000000000003. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
