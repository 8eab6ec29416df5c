package dev.nbo.serving.content;

import static dev.nbo.serving.content.BlockFiles.block;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockCatalogTest {
    @TempDir
    Path dir;

    @Test
    void theShippedBlocksLoadAgainstTheShippedOffers() {
        BlockCatalog catalog = BlockCatalog.load(ProjectFiles.config("blocks.yaml"),
                OfferCatalog.load(ProjectFiles.config("offers.yaml")));

        assertThat(catalog.ids()).containsExactly("recommended-for-you", "near-you", "complete-your-kit");
        Block recommended = catalog.block("recommended-for-you").orElseThrow();
        assertThat(recommended.drawsOn()).isEqualTo(CustomerData.BROWSING_HISTORY);
        assertThat(recommended.element()).isEqualTo(ContentElement.PRODUCT_RECOMMENDATIONS);
        assertThat(recommended.strategy()).isEqualTo(BlockStrategy.MODEL);
        assertThat(recommended.candidates().kind()).isEqualTo(Candidates.Kind.ALL);
        assertThat(recommended.maxPerCategory()).isEqualTo(OptionalInt.of(1));
        assertThat(recommended.excludeBoughtWithinDays()).isEqualTo(OptionalInt.of(30));
        assertThat(recommended.frequencyCap()).contains(new FrequencyCap(3, 7));
        assertThat(recommended.fallbackOffers()).extracting(OfferId::value)
                .containsExactly("running-20", "golf-15", "cycling-10");
        assertThat(recommended.fallbackHtml()).contains("20% off running gear", "15% off golf clubs and balls",
                "https://cdn.example.com/offers/cycling-10.jpg", "From $39");

        Block nearYou = catalog.block("near-you").orElseThrow();
        assertThat(nearYou.drawsOn()).isEqualTo(CustomerData.LOCATION);
        assertThat(nearYou.strategy()).isEqualTo(BlockStrategy.RULES);
        assertThat(nearYou.rules()).contains(ProjectFiles.config("rules.yaml").normalize());
        assertThat(nearYou.limit()).isEqualTo(2);
        assertThat(nearYou.weight()).isEqualTo(1.5);
        // Regional and dated offers cannot be in a fallback rendered once at load.
        assertThat(nearYou.fallbackOffers()).extracting(OfferId::value).containsExactly("running-20", "outdoor-20");

        Block kit = catalog.block("complete-your-kit").orElseThrow();
        assertThat(kit.element()).isEqualTo(ContentElement.CROSS_SELL);
        assertThat(kit.candidates().categories())
                .containsExactlyInAnyOrder("running", "cycling", "outdoor", "fitness", "yoga", "swimming");
        assertThat(kit.fallbackOffers()).extracting(OfferId::value)
                .containsExactly("running-20", "cycling-10", "yoga-25");
        assertThat(kit.weight()).isEqualTo(1.0);
        assertThat(kit.frequencyCap()).isEmpty();
    }

    @Test
    void defaultsApplyWhenOptionalFieldsAreOmitted() {
        Block block = BlockFiles.load(dir, block("b1", "    limit: 2\n", "")).blocks().get(0);

        assertThat(block.limit()).isEqualTo(3);
        assertThat(block.weight()).isEqualTo(1.0);
        assertThat(block.description()).isEmpty();
        assertThat(block.maxPerCategory()).isEmpty();
        assertThat(block.excludeBoughtWithinDays()).isEmpty();
        assertThat(block.rules()).isEmpty();
        // golf-west is regional; the product offer is evergreen.
        assertThat(block.fallbackOffers()).extracting(OfferId::value).containsExactly("run-10", "golf-15", "shoe");
    }

    @Test
    void candidatesMayBeAListOrCategories() {
        BlockCatalog catalog = BlockFiles.load(dir,
                block("listed", "candidates: all", "candidates: [shoe, golf-west, golf-15]")
                        + block("by-category", "candidates: all", "candidates: {categories: [golf]}"));

        Block listed = catalog.block("listed").orElseThrow();
        assertThat(listed.candidates().resolve(BlockFiles.OFFERS)).extracting(o -> o.id().value())
                .containsExactly("shoe", "golf-west", "golf-15");
        assertThat(listed.fallbackOffers()).extracting(OfferId::value).containsExactly("shoe", "golf-15");
        Block byCategory = catalog.block("by-category").orElseThrow();
        assertThat(byCategory.candidates().resolve(BlockFiles.OFFERS)).extracting(o -> o.id().value())
                .containsExactly("golf-15", "golf-west");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown offer          | candidates: all              | candidates: [run-10, nope]                     | blocks.yaml:7: blocks[0] (b1): candidates: unknown offer 'nope': it is not in offers.yaml
            unknown category       | candidates: all              | candidates: {categories: [darts]}              | blocks[0] (b1): candidates.categories: no offer of offers.yaml targets category 'darts'; known categories: [golf, running]
            missing template       | templates/personal.liquid    | templates/nope.liquid                          | blocks.yaml:9: blocks[0] (b1): template: file not found:
            missing fallback       | templates/fallback.liquid    | templates/gone.liquid                          | blocks.yaml:10: blocks[0] (b1): fallback_template: file not found:
            template not parsing   | templates/personal.liquid    | templates/broken.liquid                        | blocks[0] (b1): template: 
            fallback uses customer | templates/fallback.liquid    | templates/personal-fallback.liquid             | never customer.*
            fallback uses score    | templates/fallback.liquid    | templates/scored-fallback.liquid               | does not render with the block's non-personal variables (Variable 'offer.score' does not exist)
            fallback renders blank | templates/fallback.liquid    | templates/blank-fallback.liquid                | renders nothing; a fallback must always show something
            limit zero             | limit: 2                     | limit: 0                                       | blocks.yaml:8: blocks[0] (b1): limit: 0 is out of range; write a whole number from 1 to 50
            limit not a number     | limit: 2                     | limit: many                                    | blocks.yaml:8: blocks[0] (b1): limit: 'many' is not a whole number
            max per category       | limit: 2                     | limit: 2\\n    max_per_category: 3             | blocks.yaml:9: blocks[0] (b1): max_per_category: 3 is out of range; write a whole number from 1 to 2
            negative weight        | limit: 2                     | limit: 2\\n    weight: -1                      | blocks.yaml:9: blocks[0] (b1): weight: -1.0 must be > 0
            bad cap                | limit: 2                     | limit: 2\\n    frequency_cap: {max: 0, per_days: 7} | blocks[0] (b1): frequency_cap.max: 0 is out of range
            exclude zero days      | limit: 2                     | limit: 2\\n    exclude_bought_within_days: 0   | blocks[0] (b1): exclude_bought_within_days: 0 is out of range
            rules without file     | strategy: model              | strategy: rules                                | blocks[0] (b1): rules: is required by strategy rules
            rules file missing     | strategy: model              | strategy: rules\\n    rules: nope.yaml         | blocks[0] (b1): rules: file not found:
            unknown draws_on       | draws_on: browsing_history   | draws_on: weather                              | blocks.yaml:4: blocks[0] (b1): draws_on: 'weather' is not known here; use one of browsing_history, location, past_purchases, profile, segment
            unknown strategy       | strategy: model              | strategy: magic                                | blocks[0] (b1): strategy: 'magic' is not known here; use one of model, rules, popular
            unknown field          | limit: 2                     | limit: 2\\n    colour: red                     | blocks.yaml:9: blocks[0] (b1): colour: unknown field; the known fields here are id, description
            """)
    void refusesABadBlockNamingIt(String name, String from, String to, String message) {
        String item = block("b1", from, to.replace("\\n", "\n"));

        assertThatThrownBy(() -> BlockFiles.load(dir, item))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refusesATemplateThatDoesNotParseWithLiqpsReason() {
        String item = block("b1", "templates/personal.liquid", "templates/broken.liquid");

        assertThatThrownBy(() -> BlockFiles.load(dir, item))
                .hasMessageContaining("broken.liquid is not a valid Liquid template")
                .hasMessageContaining("mismatched input '%}'");
    }

    @Test
    void refusesDuplicateBlockIds() {
        assertThatThrownBy(() -> BlockFiles.load(dir, block("b1") + block("b1")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("blocks.yaml:11: blocks[1].id: duplicate block id 'b1' (first defined on line 3)");
    }

    @Test
    void refusesAFileWithoutBlocks() {
        assertThatThrownBy(() -> BlockFiles.load(dir, "  []\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("blocks.yaml:3: blocks: must list at least one block");
        assertThatThrownBy(() -> BlockCatalog.load(dir.resolve("absent.yaml"), BlockFiles.OFFERS))
                .hasMessageContaining("absent.yaml: file not found");
    }
}
