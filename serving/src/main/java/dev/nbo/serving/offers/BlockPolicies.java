package dev.nbo.serving.offers;

import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.serving.content.Block;
import dev.nbo.serving.content.BlockCatalog;
import dev.nbo.serving.decision.BlockPolicy;
import dev.nbo.serving.decision.Strategy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The decision policy of every configured block, built once at start: its candidates resolved against the offer
 * catalog and its rules file loaded (and type-checked) against the feature spec, so that a bad rule stops the
 * server at start, not on the first request.
 */
public final class BlockPolicies {
    private final BlockCatalog blocks;
    private final Map<String, BlockPolicy> policies = new LinkedHashMap<>();

    public BlockPolicies(BlockCatalog blocks, OfferCatalog offers, FeatureSpec spec) {
        this.blocks = blocks;
        Map<Path, RuleSet> rules = new HashMap<>();
        for (Block block : blocks.blocks()) {
            Optional<RuleSet> ruleSet = block.rules().map(path -> rules.computeIfAbsent(path,
                    p -> RuleSet.load(p, spec, offers)));
            policies.put(block.id(), new BlockPolicy(block.id(), Strategy.fromWireName(block.strategy().wireName()),
                    block.candidates().resolve(offers).stream().map(Offer::id).toList(), block.limit(),
                    block.maxPerCategory().orElse(Integer.MAX_VALUE), block.weight(),
                    block.excludeBoughtWithinDays().isPresent() ? block.excludeBoughtWithinDays().getAsInt() : null,
                    block.frequencyCap().map(c -> new BlockPolicy.FrequencyCap(c.max(), c.perDays())).orElse(null),
                    ruleSet));
        }
    }

    public Optional<Block> block(String id) {
        return blocks.block(id);
    }

    public Optional<BlockPolicy> policy(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    /** The longest frequency-cap window of any block in days, 0 when no block caps: how long exposures matter. */
    public int longestCapDays() {
        return policies.values().stream().map(BlockPolicy::frequencyCap).filter(java.util.Objects::nonNull)
                .mapToInt(BlockPolicy.FrequencyCap::days).max().orElse(0);
    }

    public java.util.List<String> ids() {
        return blocks.ids();
    }
}
