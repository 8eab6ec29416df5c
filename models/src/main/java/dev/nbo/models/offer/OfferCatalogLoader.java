package dev.nbo.models.offer;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.id.OfferId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code offers.yaml} into an {@link OfferCatalog}; every error names the file, line, field and value. */
final class OfferCatalogLoader {
    private OfferCatalogLoader() {
    }

    static OfferCatalog load(Path file) {
        return read(ConfigNode.load(file));
    }

    static OfferCatalog parse(String origin, String yaml) {
        return read(ConfigNode.parse(origin, yaml));
    }

    private static OfferCatalog read(ConfigNode root) {
        root.allowOnly("version", "offers");
        long version = root.required("version").integer();
        if (version != 1) {
            throw root.field("version").error("version " + version + " is not supported; this release reads version 1");
        }
        List<ConfigNode> items = root.required("offers").items();
        if (items.isEmpty()) {
            throw root.field("offers").error("must list at least one offer");
        }
        List<Offer> offers = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (ConfigNode item : items) {
            Offer offer = readOffer(item);
            Integer firstLine = lines.putIfAbsent(offer.id().value(), item.line());
            if (firstLine != null) {
                throw item.field("id").error("duplicate offer id '" + offer.id() + "' (first defined on line "
                        + firstLine + ")");
            }
            offers.add(offer);
        }
        return new OfferCatalog(root.file(), offers);
    }

    private static Offer readOffer(ConfigNode item) {
        item.allowOnly("id", "target", "value", "discount", "valid_from", "valid_to", "regions", "content");
        ConfigNode idNode = item.required("id");
        OfferId id = wrap(idNode, () -> OfferId.of(idNode.string()));
        OfferTarget target = readTarget(item.required("target"));
        ConfigNode valueNode = item.required("value");
        double value = valueNode.number();
        if (value < 0) {
            throw valueNode.error(value + " is negative; value is what a conversion is worth, >= 0");
        }
        ConfigNode discountNode = item.field("discount");
        double discount = discountNode.isMissing() ? 0.0 : discountNode.number();
        if (discount < 0 || discount >= 1) {
            throw discountNode.error(discount + " is not a fraction in [0, 1); write 0.2 for 20%");
        }
        LocalDate validFrom = item.field("valid_from").isMissing() ? null : item.field("valid_from").date();
        LocalDate validTo = item.field("valid_to").isMissing() ? null : item.field("valid_to").date();
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw item.field("valid_to").error(validTo + " is before valid_from " + validFrom);
        }
        Set<String> regions = new LinkedHashSet<>(item.field("regions").strings());
        OfferContent content = readContent(item.required("content"));
        return new Offer(id, target, value, discount, validFrom, validTo, regions, content);
    }

    private static OfferTarget readTarget(ConfigNode node) {
        node.allowOnly("category", "product");
        ConfigNode category = node.field("category");
        ConfigNode product = node.field("product");
        if (category.isMissing() == product.isMissing()) {
            throw node.error("name exactly one of category or product, e.g. {category: running}");
        }
        return category.isMissing() ? OfferTarget.product(product.string()) : OfferTarget.category(category.string());
    }

    private static OfferContent readContent(ConfigNode node) {
        Map<String, String> extra = new LinkedHashMap<>();
        String title = null;
        String imageUrl = null;
        String link = null;
        String priceText = null;
        for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
            ConfigNode field = entry.getValue();
            switch (entry.getKey()) {
                case "title" -> title = field.string();
                case "image_url" -> imageUrl = url(field);
                case "link" -> link = url(field);
                case "price_text" -> priceText = field.string();
                default -> extra.put(entry.getKey(), field.string());
            }
        }
        if (title == null) {
            throw node.field("title").error("is required: the text an email shows for this offer");
        }
        return new OfferContent(title, imageUrl, link, priceText, extra);
    }

    private static String url(ConfigNode node) {
        String text = node.string();
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw node.error("'" + text + "' is not an http(s) URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw node.error("'" + text + "' is not a URL: " + e.getReason());
        }
    }

    private static <T> T wrap(ConfigNode node, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
