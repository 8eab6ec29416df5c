package dev.nbo.features.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.offer.OfferContent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes an {@link OfferCatalog} as an {@code offers.yaml} file (the format {@code OfferCatalog.load} reads, see
 * {@code docs/offers-yaml.md}). Text values are written as double-quoted scalars with JSON escapes, which YAML reads
 * back unchanged whatever characters they hold.
 */
final class OffersYaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OffersYaml() {
    }

    /** The file's text, starting with {@code header} as comment lines. */
    static String render(OfferCatalog catalog, List<String> header) {
        StringBuilder yaml = new StringBuilder();
        header.forEach(line -> yaml.append("# ").append(line).append('\n'));
        yaml.append("version: 1\noffers:\n");
        for (Offer offer : catalog.offers()) {
            yaml.append("  - id: ").append(quoted(offer.id().value())).append('\n');
            yaml.append("    target: {").append(offer.target().kind().wireName()).append(": ")
                    .append(quoted(offer.target().value())).append("}\n");
            yaml.append("    value: ").append(number(offer.value())).append('\n');
            yaml.append("    discount: ").append(number(offer.discount())).append('\n');
            if (offer.validFrom() != null) {
                yaml.append("    valid_from: ").append(offer.validFrom()).append('\n');
            }
            if (offer.validTo() != null) {
                yaml.append("    valid_to: ").append(offer.validTo()).append('\n');
            }
            if (!offer.regions().isEmpty()) {
                yaml.append("    regions: [").append(offer.regions().stream().sorted().map(OffersYaml::quoted)
                        .collect(Collectors.joining(", "))).append("]\n");
            }
            content(yaml, offer.content());
        }
        return yaml.toString();
    }

    private static void content(StringBuilder yaml, OfferContent content) {
        yaml.append("    content:\n");
        field(yaml, "title", content.title());
        field(yaml, "image_url", content.imageUrl());
        field(yaml, "link", content.link());
        field(yaml, "price_text", content.priceText());
        for (Map.Entry<String, String> extra : new TreeMap<>(content.extra()).entrySet()) {
            field(yaml, quoted(extra.getKey()), extra.getValue());
        }
    }

    private static void field(StringBuilder yaml, String name, String value) {
        if (value != null) {
            yaml.append("      ").append(name).append(": ").append(quoted(value)).append('\n');
        }
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote " + text, e);
        }
    }
}
