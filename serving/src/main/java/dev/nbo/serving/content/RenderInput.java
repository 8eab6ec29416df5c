package dev.nbo.serving.content;

import dev.nbo.models.id.CustomerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a block is rendered with at send time.
 *
 * @param customerId the customer, or null when the ESP's id is unknown to us
 * @param optedOut   true when the customer refused personalisation (no consent): only the fallback may be shown
 * @param attributes customer attributes the templates read as {@code customer.<name>} (city, region, segment…);
 *                   a null value is dropped, so that a template that needs it falls back
 * @param offers     the ranked offers, best first
 */
public record RenderInput(CustomerId customerId, boolean optedOut, Map<String, String> attributes,
                          List<RankedOffer> offers) {
    public RenderInput {
        Map<String, String> known = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach((name, value) -> {
                if (name != null && value != null) {
                    known.put(name, value);
                }
            });
        }
        attributes = Map.copyOf(known);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** A customer we know, who accepts personalisation. */
    public static RenderInput known(CustomerId customerId, Map<String, String> attributes, List<RankedOffer> offers) {
        return new RenderInput(customerId, false, attributes, offers);
    }

    /** A customer the ESP names but we do not know. */
    public static RenderInput unknownCustomer(List<RankedOffer> offers) {
        return new RenderInput(null, false, Map.of(), offers);
    }
}
