package dev.nbo.serving.content;

import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferContent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An offer the decision chose for a block, with what the template shows of it.
 *
 * @param rank    1 for the first offer of the block
 * @param score   the score the offers were ranked by (propensity times value, a rule's order…)
 * @param content the offer's content fields by their {@code offers.yaml} names: {@code title}, {@code image_url},
 *                {@code link}, {@code price_text} and any extra field
 */
public record RankedOffer(OfferId id, int rank, double score, Map<String, String> content) {
    public RankedOffer {
        Objects.requireNonNull(id, "id");
        if (rank < 1) {
            throw new IllegalArgumentException("offer " + id + ": rank " + rank + " must be at least 1");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("offer " + id + ": score " + score + " must be a finite number");
        }
        content = Map.copyOf(content);
    }

    /** The offer at this rank, its content taken from the catalog. */
    public static RankedOffer of(Offer offer, int rank, double score) {
        return new RankedOffer(offer.id(), rank, score, contentOf(offer.content()));
    }

    /** The content fields of an offer by their {@code offers.yaml} names; absent optional fields are left out. */
    public static Map<String, String> contentOf(OfferContent content) {
        Map<String, String> fields = new LinkedHashMap<>(content.extra());
        fields.put("title", content.title());
        putIfPresent(fields, "image_url", content.imageUrl());
        putIfPresent(fields, "link", content.link());
        putIfPresent(fields, "price_text", content.priceText());
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
