package dev.nbo.serving.content;

import dev.nbo.models.offer.OfferCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small hand-made world for block tests: four offers and a folder of templates, good and bad, beside the
 * {@code blocks.yaml} a test writes.
 */
final class BlockFiles {
    static final OfferCatalog OFFERS = OfferCatalog.parse("offers.yaml", """
            version: 1
            offers:
              - id: run-10
                target: {category: running}
                value: 10
                content: {title: "10% off running", link: "https://shop.example.com/run", price_text: "From $9"}
              - id: golf-15
                target: {category: golf}
                value: 20
                content: {title: "15% off golf", image_url: "https://cdn.example.com/golf.jpg"}
              - id: golf-west
                target: {category: golf}
                value: 30
                regions: [West]
                content: {title: "Golf in the West"}
              - id: shoe
                target: {product: RUN-0001}
                value: 40
                content: {title: "The shoe"}
            """);

    static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("personal.liquid", "<p>Hi {{ customer.city }}</p>{% for offer in offers %}<p>{{ offer.rank }}."
                    + " {{ offer.title }}{% if offer.price_text != \"\" %} ({{ offer.price_text }}){% endif %}</p>"
                    + "{% endfor %}"),
            Map.entry("fallback.liquid", "<p>{{ block.id }}</p>{% for offer in offers %}<p>{{ offer.title }}</p>"
                    + "{% endfor %}<p>See all deals</p>"),
            Map.entry("broken.liquid", "<p>{% if %}</p>"),
            Map.entry("personal-fallback.liquid", "<p>{{ customer.city }}</p>"),
            Map.entry("scored-fallback.liquid", "{% for offer in offers %}{{ offer.score }}{% endfor %}<p>x</p>"),
            Map.entry("blank-fallback.liquid", "{% if false %}x{% endif %}  "),
            Map.entry("escape.liquid", "{% for offer in offers %}<p>{{ offer.title | escape }}</p>{% endfor %}"),
            Map.entry("throws.liquid", "<p>{{ offers.size | divided_by: 0 }}</p>"),
            Map.entry("blank.liquid", "{% for offer in offers %}{% endfor %}"),
            Map.entry("unknown-filter.liquid", "<p>{{ customer.city | shout }}</p>"),
            Map.entry("runaway.liquid", "{% for i in (1..1000000) %}<p>{{ i }}</p>{% endfor %}"));

    private BlockFiles() {
    }

    /** Writes the templates and a {@code blocks.yaml} holding {@code blocks} (YAML list items) into {@code dir}. */
    static Path write(Path dir, String blocks) {
        try {
            Files.createDirectories(dir.resolve("templates"));
            for (Map.Entry<String, String> template : TEMPLATES.entrySet()) {
                Files.writeString(dir.resolve("templates").resolve(template.getKey()), template.getValue());
            }
            Files.writeString(dir.resolve("rules.yaml"), "version: 1\n");
            Path file = dir.resolve("blocks.yaml");
            Files.writeString(file, "version: 1\nblocks:\n" + blocks);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One block item with every field a test may want to change, overridden by {@code replacements}. */
    static String block(String id, String... replacements) {
        String item = """
                  - id: %s
                    draws_on: browsing_history
                    element: product_recommendations
                    strategy: model
                    candidates: all
                    limit: 2
                    template: templates/personal.liquid
                    fallback_template: templates/fallback.liquid
                """.formatted(id);
        for (int i = 0; i < replacements.length; i += 2) {
            item = item.replace(replacements[i], replacements[i + 1]);
        }
        return item;
    }

    static BlockCatalog load(Path dir, String blocks) {
        return BlockCatalog.load(write(dir, blocks), OFFERS);
    }
}
