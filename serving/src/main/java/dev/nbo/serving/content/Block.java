package dev.nbo.serving.content;

import dev.nbo.models.id.IdFormat;
import dev.nbo.models.id.OfferId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An email block the ESP fills at send time, as configured in {@code blocks.yaml}.
 *
 * @param limit                   how many offers the block shows, at least 1
 * @param maxPerCategory          at most this many offers of one category (diversity); empty for no cap
 * @param weight                  the block's weight when several blocks of one email compete for the same offer
 * @param excludeBoughtWithinDays an offer whose target the customer bought in the last N days is not eligible
 * @param rules                   the rules file of the rules strategy (or of constraints), resolved to a path
 * @param fallbackOffers          the offers the fallback shows: the first {@code limit} candidates that are valid
 *                                everywhere and at any time, so that the fallback can be rendered once at load
 * @param fallbackHtml            the fallback template rendered with non-personal variables, at load
 */
public record Block(
        String id,
        String description,
        CustomerData drawsOn,
        ContentElement element,
        BlockStrategy strategy,
        Candidates candidates,
        int limit,
        OptionalInt maxPerCategory,
        double weight,
        OptionalInt excludeBoughtWithinDays,
        Optional<FrequencyCap> frequencyCap,
        Optional<Path> rules,
        CompiledTemplate template,
        CompiledTemplate fallbackTemplate,
        List<OfferId> fallbackOffers,
        String fallbackHtml) {

    public Block {
        IdFormat.check("block id", id);
        description = description == null ? "" : description;
        Objects.requireNonNull(drawsOn, "drawsOn");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(maxPerCategory, "maxPerCategory");
        Objects.requireNonNull(excludeBoughtWithinDays, "excludeBoughtWithinDays");
        Objects.requireNonNull(frequencyCap, "frequencyCap");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(fallbackTemplate, "fallbackTemplate");
        fallbackOffers = List.copyOf(fallbackOffers);
        if (limit < 1) {
            throw new IllegalArgumentException("block " + id + ": limit " + limit + " must be at least 1");
        }
        if (maxPerCategory.isPresent() && maxPerCategory.getAsInt() < 1) {
            throw new IllegalArgumentException("block " + id + ": max_per_category " + maxPerCategory.getAsInt()
                    + " must be at least 1; omit it for no cap");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("block " + id + ": weight " + weight + " must be a number > 0");
        }
        if (excludeBoughtWithinDays.isPresent() && excludeBoughtWithinDays.getAsInt() < 1) {
            throw new IllegalArgumentException("block " + id + ": exclude_bought_within_days "
                    + excludeBoughtWithinDays.getAsInt() + " must be at least 1; omit it to keep bought offers");
        }
        if (fallbackHtml == null || fallbackHtml.isBlank()) {
            throw new IllegalArgumentException("block " + id + ": the fallback template " + fallbackTemplate.source()
                    + " renders nothing; a fallback must always show something");
        }
    }
}
