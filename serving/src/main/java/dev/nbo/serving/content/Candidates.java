package dev.nbo.serving.content;

import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.offer.OfferTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The offers a block may show, before eligibility and ranking: every offer of the catalog, a list of offers, or the
 * offers that target some categories.
 *
 * @param offers     the listed offers, in the marketers' order (only for {@link Kind#OFFERS})
 * @param categories the categories (only for {@link Kind#CATEGORIES})
 */
public record Candidates(Kind kind, List<OfferId> offers, Set<String> categories) {
    public enum Kind {
        ALL,
        OFFERS,
        CATEGORIES
    }

    public Candidates {
        Objects.requireNonNull(kind, "kind");
        offers = List.copyOf(offers);
        categories = Set.copyOf(categories);
        if (kind == Kind.OFFERS && offers.isEmpty()) {
            throw new IllegalArgumentException("a candidate list needs at least one offer id");
        }
        if (kind == Kind.CATEGORIES && categories.isEmpty()) {
            throw new IllegalArgumentException("candidate categories need at least one category");
        }
    }

    public static Candidates all() {
        return new Candidates(Kind.ALL, List.of(), Set.of());
    }

    public static Candidates offers(List<OfferId> offers) {
        return new Candidates(Kind.OFFERS, offers, Set.of());
    }

    public static Candidates categories(Set<String> categories) {
        return new Candidates(Kind.CATEGORIES, List.of(), categories);
    }

    /**
     * The candidate offers of {@code catalog}: the listed ones in list order, otherwise in catalog order. An offer
     * that targets a product counts for no category, since the catalog does not know the product's category.
     */
    public List<Offer> resolve(OfferCatalog catalog) {
        List<Offer> resolved = new ArrayList<>();
        switch (kind) {
            case ALL -> resolved.addAll(catalog.offers());
            case OFFERS -> offers.forEach(id -> resolved.add(catalog.offer(id).orElseThrow(
                    () -> new IllegalArgumentException("offer '" + id + "' is not in " + catalog.origin()))));
            case CATEGORIES -> catalog.offers().stream()
                    .filter(offer -> offer.target().kind() == OfferTarget.Kind.CATEGORY
                            && categories.contains(offer.target().value()))
                    .forEach(resolved::add);
        }
        return List.copyOf(resolved);
    }
}
