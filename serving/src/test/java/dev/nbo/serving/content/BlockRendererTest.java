package dev.nbo.serving.content;

import static dev.nbo.serving.content.BlockFiles.block;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.CustomerId;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockRendererTest {
    private static final OfferCatalog OFFERS = OfferCatalog.load(ProjectFiles.config("offers.yaml"));
    private static final BlockCatalog BLOCKS = BlockCatalog.load(ProjectFiles.config("blocks.yaml"), OFFERS);
    private static final CustomerId ANA = CustomerId.of("C-000042");

    private final BlockRenderer renderer = new BlockRenderer();

    @TempDir
    Path dir;

    @Test
    void rendersTheRankedOffersOfAKnownCustomer() {
        RenderedBlock rendered = renderer.render(shipped("near-you"),
                RenderInput.known(ANA, Map.of("city", "Miami", "region", "South"),
                        ranked("golf-south-days", "summer-swim")));

        assertThat(rendered.fallback()).isFalse();
        assertThat(rendered.reason()).isEqualTo(RenderReason.PERSONALIZED);
        assertThat(rendered.detail()).isEmpty();
        assertThat(rendered.html())
                .contains("Around Miami this month", "Golf days: 20% off in the sun belt", "Summer swim sale: 25% off",
                        "href=\"https://shop.example.com/c/golf?promo=golf-south-days\"",
                        "src=\"https://cdn.example.com/offers/summer-swim.jpg\"", "From $29")
                .doesNotContain("Deals near you");
        assertThat(rendered.html().indexOf("Golf days")).isLessThan(rendered.html().indexOf("Summer swim"));
    }

    @Test
    void showsNoMoreOffersThanTheBlocksLimit() {
        RenderedBlock rendered = renderer.render(shipped("near-you"), RenderInput.known(ANA, Map.of("city", "NYC"),
                ranked("nyc-running-club", "running-20", "golf-15")));

        assertThat(rendered.html()).contains("Running club members save 15%", "20% off running gear")
                .doesNotContain("15% off golf clubs and balls");
    }

    @Test
    void anUnknownCustomerGetsTheFallback() {
        Block block = shipped("recommended-for-you");
        RenderedBlock rendered = renderer.render(block, RenderInput.unknownCustomer(ranked("golf-15")));

        assertThat(rendered.fallback()).isTrue();
        assertThat(rendered.reason()).isEqualTo(RenderReason.UNKNOWN_CUSTOMER);
        assertThat(rendered.html()).isEqualTo(block.fallbackHtml())
                .contains("Our customers love these", "20% off running gear", "15% off golf clubs and balls",
                        "10% off cycling");
        assertThat(renderer.count(RenderReason.UNKNOWN_CUSTOMER)).isEqualTo(1);
    }

    @Test
    void anOptedOutCustomerGetsTheFallbackWithNothingPersonal() {
        Block block = shipped("near-you");
        RenderedBlock rendered = renderer.render(block,
                new RenderInput(ANA, true, Map.of("city", "Miami"), ranked("golf-south-days")));

        assertThat(rendered.reason()).isEqualTo(RenderReason.OPTED_OUT);
        assertThat(rendered.html()).isEqualTo(block.fallbackHtml()).contains("Deals near you")
                .doesNotContain("Miami", "Golf days");
    }

    @Test
    void noOffersGivesTheFallback() {
        RenderedBlock rendered = renderer.render(shipped("complete-your-kit"),
                RenderInput.known(ANA, Map.of(), List.of()));

        assertThat(rendered.reason()).isEqualTo(RenderReason.NO_OFFERS);
        assertThat(rendered.html()).contains("Gear that goes together", "25% off yoga mats and wear");
    }

    @Test
    void aMissingVariableGivesTheFallbackNamingIt() {
        Block block = shipped("near-you");
        RenderedBlock rendered = renderer.render(block,
                RenderInput.known(ANA, Map.of("region", "South"), ranked("golf-15")));

        assertThat(rendered.fallback()).isTrue();
        assertThat(rendered.reason()).isEqualTo(RenderReason.MISSING_VARIABLE);
        assertThat(rendered.detail()).contains("customer.city");
        assertThat(rendered.html()).isEqualTo(block.fallbackHtml());
    }

    @Test
    void aNullAttributeCountsAsMissing() {
        Map<String, String> attributes = new java.util.HashMap<>();
        attributes.put("city", null);

        RenderedBlock rendered = renderer.render(shipped("near-you"), RenderInput.known(ANA, attributes,
                ranked("golf-15")));

        assertThat(rendered.reason()).isEqualTo(RenderReason.MISSING_VARIABLE);
    }

    @Test
    void aTemplateThatThrowsGivesTheFallback() {
        BlockCatalog catalog = BlockFiles.load(dir,
                block("throws", "templates/personal.liquid", "templates/throws.liquid")
                        + block("filter", "templates/personal.liquid", "templates/unknown-filter.liquid"));
        RenderInput input = RenderInput.known(ANA, Map.of("city", "Oslo"), bfRanked("run-10"));

        RenderedBlock divided = renderer.render(catalog.block("throws").orElseThrow(), input);
        RenderedBlock filtered = renderer.render(catalog.block("filter").orElseThrow(), input);

        assertThat(divided.reason()).isEqualTo(RenderReason.RENDER_ERROR);
        assertThat(divided.detail()).contains("by zero");
        assertThat(divided.html()).isEqualTo("<p>throws</p><p>10% off running</p><p>15% off golf</p><p>See all deals</p>");
        assertThat(filtered.reason()).isEqualTo(RenderReason.RENDER_ERROR);
        assertThat(filtered.detail()).contains("shout");
        assertThat(filtered.html()).startsWith("<p>filter</p>");
    }

    @Test
    void aRunawayLoopStopsAtTheIterationLimitAndFallsBack() {
        Block block = BlockFiles.load(dir, block("loop", "templates/personal.liquid", "templates/runaway.liquid"))
                .blocks().get(0);

        RenderedBlock rendered = renderer.render(block, RenderInput.known(ANA, Map.of(), bfRanked("run-10")));

        assertThat(rendered.reason()).isEqualTo(RenderReason.RENDER_ERROR);
        assertThat(rendered.html()).startsWith("<p>loop</p>");
    }

    @Test
    void aBlankRenderGivesTheFallback() {
        Block block = BlockFiles.load(dir, block("blank", "templates/personal.liquid", "templates/blank.liquid"))
                .blocks().get(0);

        RenderedBlock rendered = renderer.render(block, RenderInput.known(ANA, Map.of(), bfRanked("run-10")));

        assertThat(rendered.reason()).isEqualTo(RenderReason.BLANK_OUTPUT);
        assertThat(rendered.html()).contains("See all deals");
    }

    @Test
    void markupInOfferContentOrAttributesIsEscaped() {
        Block block = BlockFiles.load(dir, block("b1")).blocks().get(0);
        RankedOffer evil = new RankedOffer(OfferId.of("run-10"), 1, 0.5,
                Map.of("title", "<script>alert('x')</script>", "price_text", "\"><img src=x onerror=alert(1)>"));

        RenderedBlock rendered = renderer.render(block,
                RenderInput.known(ANA, Map.of("city", "<b>Oslo</b> & co"), List.of(evil)));

        assertThat(rendered.reason()).isEqualTo(RenderReason.PERSONALIZED);
        assertThat(rendered.html()).isEqualTo("<p>Hi &lt;b&gt;Oslo&lt;/b&gt; &amp; co</p>"
                + "<p>1. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                + " (&quot;&gt;&lt;img src=x onerror=alert(1)&gt;)</p>");
    }

    @Test
    void theEscapeFilterDoesNotEscapeTwice() {
        Block block = BlockFiles.load(dir, block("b1", "templates/personal.liquid", "templates/escape.liquid"))
                .blocks().get(0);
        RankedOffer offer = new RankedOffer(OfferId.of("run-10"), 1, 0.5, Map.of("title", "Tom & <Jerry>"));

        RenderedBlock rendered = renderer.render(block, RenderInput.known(ANA, Map.of(), List.of(offer)));

        assertThat(rendered.html()).isEqualTo("<p>Tom &amp; &lt;Jerry&gt;</p>");
    }

    @Test
    void theOutputIsNeverEmpty() {
        List<RenderInput> inputs = List.of(
                RenderInput.unknownCustomer(List.of()),
                new RenderInput(ANA, true, Map.of(), List.of()),
                RenderInput.known(ANA, Map.of(), List.of()),
                RenderInput.known(ANA, Map.of(), ranked("running-20")),
                RenderInput.known(ANA, Map.of("city", "Denver"), ranked("outdoor-west", "golf-15", "yoga-25")));

        for (Block block : BLOCKS.blocks()) {
            for (RenderInput input : inputs) {
                RenderedBlock rendered = renderer.render(block, input);
                assertThat(rendered.html()).as(block.id() + " " + input).isNotBlank().contains("<table");
            }
        }
    }

    @Test
    void rendersTheSameFromManyThreads() throws Exception {
        Block block = shipped("near-you");
        List<RenderInput> inputs = new ArrayList<>();
        List<String> cities = List.of("NYC", "Miami", "Denver", "Seattle", "Austin", "Boston");
        List<String> offerIds = List.of("running-20", "golf-15", "outdoor-20", "summer-swim", "outdoor-west");
        for (int i = 0; i < 60; i++) {
            inputs.add(RenderInput.known(CustomerId.of("C-" + i), Map.of("city", cities.get(i % cities.size())),
                    ranked(offerIds.get(i % offerIds.size()), offerIds.get((i + 2) % offerIds.size()))));
        }
        List<String> expected = inputs.stream().map(input -> new BlockRenderer().render(block, input).html()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (RenderInput input : inputs) {
                    results.add(pool.submit(() -> renderer.render(block, input).html()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(renderer.count(RenderReason.PERSONALIZED)).isEqualTo(20L * inputs.size());
    }

    private static Block shipped(String id) {
        return BLOCKS.block(id).orElseThrow();
    }

    private static List<RankedOffer> ranked(String... ids) {
        return ranked(OFFERS, ids);
    }

    private static List<RankedOffer> bfRanked(String... ids) {
        return ranked(BlockFiles.OFFERS, ids);
    }

    private static List<RankedOffer> ranked(OfferCatalog catalog, String... ids) {
        List<RankedOffer> ranked = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Offer offer = catalog.offer(OfferId.of(ids[i])).orElseThrow();
            ranked.add(RankedOffer.of(offer, i + 1, 1.0 - i * 0.1));
        }
        return ranked;
    }
}
