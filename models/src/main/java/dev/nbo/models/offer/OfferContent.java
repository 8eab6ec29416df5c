package dev.nbo.models.offer;

import java.util.Map;

/**
 * What an email block shows for an offer. {@code extra} carries any other fields marketers add for their templates.
 */
public record OfferContent(String title, String imageUrl, String link, String priceText, Map<String, String> extra) {
    public OfferContent {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("offer content needs a title");
        }
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
