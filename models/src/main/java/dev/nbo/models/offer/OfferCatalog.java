package dev.nbo.models.offer;

import dev.nbo.models.id.OfferId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The offers marketers can show, in catalog order, indexed for the question features ask most: which offers does a
 * row (an event or an order line) concern?
 */
public final class OfferCatalog {
    private final String origin;
    private final Map<OfferId, Offer> offers;
    private final Map<String, List<OfferId>> byCategory = new LinkedHashMap<>();
    private final Map<String, List<OfferId>> byProduct = new LinkedHashMap<>();

    public OfferCatalog(String origin, List<Offer> offers) {
        this.origin = origin;
        Map<OfferId, Offer> index = new LinkedHashMap<>();
        for (Offer offer : offers) {
            if (index.putIfAbsent(offer.id(), offer) != null) {
                throw new IllegalArgumentException(origin + ": duplicate offer id '" + offer.id() + "'");
            }
            Map<String, List<OfferId>> targets =
                    offer.target().kind() == OfferTarget.Kind.CATEGORY ? byCategory : byProduct;
            targets.computeIfAbsent(offer.target().value(), k -> new ArrayList<>()).add(offer.id());
        }
        this.offers = Collections.unmodifiableMap(index);
    }

    /** Loads and validates an {@code offers.yaml} file. */
    public static OfferCatalog load(Path file) {
        return OfferCatalogLoader.load(file);
    }

    public static OfferCatalog parse(String origin, String yaml) {
        return OfferCatalogLoader.parse(origin, yaml);
    }

    public String origin() {
        return origin;
    }

    public Collection<Offer> offers() {
        return offers.values();
    }

    public Optional<Offer> offer(OfferId id) {
        return Optional.ofNullable(offers.get(id));
    }

    public int size() {
        return offers.size();
    }

    /**
     * The offers a row concerns. A row naming an offer ({@code offerId} not null, e.g. a click in an offer's email)
     * concerns that offer only, if the catalog has it; any other row concerns every offer whose target is its
     * product or its category. The Spark pipeline applies the same rule.
     */
    public Set<OfferId> linkedOffers(String offerId, String productId, String category) {
        Set<OfferId> linked = new TreeSet<>();
        if (offerId != null) {
            if (OfferId.isValid(offerId) && offers.containsKey(OfferId.of(offerId))) {
                linked.add(OfferId.of(offerId));
            }
            return linked;
        }
        if (productId != null) {
            linked.addAll(byProduct.getOrDefault(productId, List.of()));
        }
        if (category != null) {
            linked.addAll(byCategory.getOrDefault(category, List.of()));
        }
        return linked;
    }

    /** Categories that some offer targets directly. */
    public Set<String> targetedCategories() {
        return Collections.unmodifiableSet(byCategory.keySet());
    }

    /** Products that some offer targets directly. */
    public Set<String> targetedProducts() {
        return Collections.unmodifiableSet(byProduct.keySet());
    }
}
