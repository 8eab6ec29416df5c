package dev.nbo.features.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CategoryKeywordsTest {
    @Test
    void aKeywordMatchesWholeWordsInTheSingularOrPlural() {
        assertThat(CategoryKeywords.categoryOf("JUMBO BAG RED RETROSPOT")).isEqualTo("bags");
        assertThat(CategoryKeywords.categoryOf("PACK OF 72 RETROSPOT CAKE CASES")).isEqualTo("kitchen");
        assertThat(CategoryKeywords.categoryOf("SET OF 6 SPICE TINS PANTRY DESIGN")).isEqualTo("kitchen");
        assertThat(CategoryKeywords.categoryOf("WOODEN BOXES")).isEqualTo("storage");
    }

    @Test
    void aKeywordInsideAnotherWordDoesNotMatch() {
        // ELF (christmas) is inside SHELF, TEA (kitchen) inside TEAL, RING (accessories) inside SPRING
        assertThat(CategoryKeywords.categoryOf("WHITE WOODEN SHELF")).isEqualTo("storage");
        assertThat(CategoryKeywords.categoryOf("TEAL VELVET CUSHION")).isEqualTo("textiles");
        assertThat(CategoryKeywords.categoryOf("SPRING PICTURE FRAME")).isEqualTo("decor");
    }

    @Test
    void theFirstCategoryOfTheTableWins() {
        assertThat(CategoryKeywords.categoryOf("CHRISTMAS LIGHTS 10 REINDEER")).isEqualTo("christmas");
        assertThat(CategoryKeywords.categoryOf("WHITE HANGING HEART T-LIGHT HOLDER")).isEqualTo("lighting");
        assertThat(CategoryKeywords.categoryOf("LUNCH BAG RED RETROSPOT")).isEqualTo("bags");
        assertThat(CategoryKeywords.categoryOf("KNITTED UNION FLAG HOT WATER BOTTLE")).isEqualTo("textiles");
    }

    @Test
    void phrasesAndHyphenatedKeywordsMatch() {
        assertThat(CategoryKeywords.categoryOf("SET OF 4 PANTRY JELLY MOULDS")).isEqualTo("kitchen");
        assertThat(CategoryKeywords.categoryOf("GLASS STAR FROSTED T-LIGHT HOLDER")).isEqualTo("lighting");
        assertThat(CategoryKeywords.categoryOf("SET/6 TEALIGHTS")).isEqualTo("lighting");
        assertThat(CategoryKeywords.categoryOf("CROCHET WHITE RABBIT KEY RING")).isEqualTo("accessories");
    }

    @Test
    void matchingIgnoresCaseAndRepeatedSpaces() {
        assertThat(CategoryKeywords.categoryOf("  Paper  Chain Kit 50's Christmas ")).isEqualTo("christmas");
        assertThat(CategoryKeywords.categoryOf("flowers handbag blue and orange")).isEqualTo("bags");
    }

    @Test
    void aDescriptionWithoutKeywordOrNoDescriptionFallsIntoOther() {
        assertThat(CategoryKeywords.categoryOf("PAINTED METAL PEARS ASSORTED")).isEqualTo(CategoryKeywords.FALLBACK);
        assertThat(CategoryKeywords.categoryOf("")).isEqualTo("other");
        assertThat(CategoryKeywords.categoryOf(null)).isEqualTo("other");
    }

    @Test
    void categoriesAreDistinctUsableInOfferIdsAndEndWithTheFallback() {
        List<String> categories = CategoryKeywords.categories();
        assertThat(categories).doesNotHaveDuplicates().hasSizeBetween(12, 20).last().isEqualTo("other");
        assertThat(categories).allSatisfy(c -> assertThat(OfferId.isValid(c + CategoryOffers.SUFFIX)).isTrue());
        assertThat(categories.subList(0, categories.size() - 1))
                .allSatisfy(c -> assertThat(CategoryKeywords.keywords(c)).isNotEmpty());
    }

    @Test
    void aKeywordBelongsToOneCategoryOnly() {
        Set<String> seen = new HashSet<>();
        for (String category : CategoryKeywords.categories()) {
            for (String keyword : CategoryKeywords.keywords(category)) {
                assertThat(seen.add(keyword)).as("keyword %s of %s is also in an earlier category", keyword, category)
                        .isTrue();
            }
        }
    }

    @Test
    void theDocumentationListsEveryCategoryWithItsKeywordsInTableOrder() throws IOException {
        String doc = Files.readString(ProjectFiles.root().resolve("docs/online-retail-import.md"));
        int previous = -1;
        for (String category : CategoryKeywords.categories()) {
            String keywords = String.join(", ", CategoryKeywords.keywords(category));
            String row = "| `" + category + "` | " + (keywords.isEmpty() ? "(fallback: no keyword matched)" : keywords)
                    + " |";
            assertThat(doc).as("docs/online-retail-import.md row for %s", category).contains(row);
            assertThat(doc.indexOf(row)).as("position of %s in the table", category).isGreaterThan(previous);
            previous = doc.indexOf(row);
        }
    }
}
