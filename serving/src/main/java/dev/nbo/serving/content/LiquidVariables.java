package dev.nbo.serving.content;

import dev.nbo.models.text.HtmlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables a block template sees, every text value HTML-escaped:
 * {@code block.id|description|element}, {@code customer.id} and {@code customer.<attribute>} (personal template
 * only), and {@code offers}, a list of {@code id, rank, score} (score: personal template only) plus the offer's
 * content fields ({@code title, image_url, link, price_text} are always present, empty when the offer has none, so
 * that templates can test them; extra content fields only when the offer has them).
 */
final class LiquidVariables {
    private static final List<String> STANDARD_CONTENT = List.of("title", "image_url", "link", "price_text");

    private LiquidVariables() {
    }

    static Map<String, Object> personal(Block block, RenderInput input) {
        Map<String, Object> customer = new HashMap<>();
        input.attributes().forEach((name, value) -> customer.put(name, HtmlText.escape(value)));
        customer.put("id", HtmlText.escape(input.customerId().value()));
        List<Object> offers = new ArrayList<>();
        for (RankedOffer offer : input.offers().subList(0, Math.min(block.limit(), input.offers().size()))) {
            Map<String, Object> fields = offer(offer.id().value(), offer.rank(), offer.content());
            fields.put("score", offer.score());
            offers.add(fields);
        }
        Map<String, Object> variables = common(block.id(), block.description(), block.element());
        variables.put("customer", customer);
        variables.put("offers", offers);
        return variables;
    }

    /** Non-personal variables only: the block and its fallback offers, without scores. */
    static Map<String, Object> fallback(String blockId, String description, ContentElement element,
                                        List<RankedOffer> fallbackOffers) {
        List<Object> offers = new ArrayList<>();
        for (RankedOffer offer : fallbackOffers) {
            offers.add(offer(offer.id().value(), offer.rank(), offer.content()));
        }
        Map<String, Object> variables = common(blockId, description, element);
        variables.put("offers", offers);
        return variables;
    }

    private static Map<String, Object> common(String blockId, String description, ContentElement element) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("block", Map.of(
                "id", HtmlText.escape(blockId),
                "description", HtmlText.escape(description),
                "element", element.wireName()));
        return variables;
    }

    private static Map<String, Object> offer(String id, int rank, Map<String, String> content) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : STANDARD_CONTENT) {
            fields.put(name, "");
        }
        content.forEach((name, value) -> fields.put(name, HtmlText.escape(value)));
        fields.put("id", HtmlText.escape(id));
        fields.put("rank", rank);
        return fields;
    }
}
