package dev.nbo.models.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfferCatalogTest {
    @Test
    void theShippedCatalogParses() {
        OfferCatalog catalog = OfferCatalog.load(ProjectFiles.config("offers.yaml"));

        assertThat(catalog.size()).isGreaterThanOrEqualTo(15);
        Offer golfDays = catalog.offer(OfferId.of("golf-south-days")).orElseThrow();
        assertThat(golfDays.target()).isEqualTo(OfferTarget.category("golf"));
        assertThat(golfDays.regions()).containsExactlyInAnyOrder("South", "West");
        assertThat(golfDays.validFrom()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(golfDays.content().title()).contains("Golf");
        assertThat(catalog.targetedProducts()).contains("RUN-0001", "GLF-0001");
    }

    @Test
    void readsEveryFieldOfAnOffer() {
        OfferCatalog catalog = OfferCatalog.parse("o.yaml", """
                version: 1
                offers:
                  - id: shoe
                    target: {product: RUN-1}
                    value: 25.5
                    discount: 0.1
                    valid_from: 2025-01-01
                    valid_to: 2025-01-31
                    regions: West
                    content:
                      title: The shoe
                      image_url: https://cdn.example.com/shoe.jpg
                      link: https://shop.example.com/shoe
                      price_text: $99
                      badge: new
                """);
        Offer offer = catalog.offer(OfferId.of("shoe")).orElseThrow();

        assertThat(offer.value()).isEqualTo(25.5);
        assertThat(offer.discount()).isEqualTo(0.1);
        assertThat(offer.regions()).containsExactly("West");
        assertThat(offer.content().imageUrl()).isEqualTo("https://cdn.example.com/shoe.jpg");
        assertThat(offer.content().priceText()).isEqualTo("$99");
        assertThat(offer.content().extra()).containsEntry("badge", "new");
        assertThat(offer.isValidOn(LocalDate.of(2025, 1, 31))).isTrue();
        assertThat(offer.isValidOn(LocalDate.of(2025, 2, 1))).isFalse();
        assertThat(offer.isAvailableIn("West")).isTrue();
        assertThat(offer.isAvailableIn("South")).isFalse();
        assertThat(offer.isAvailableIn(null)).isFalse();
    }

    @Test
    void linksARowToTheOfferItNamesOrElseToOffersTargetingItsProductOrCategory() {
        OfferCatalog catalog = FeatureFixture.offers();

        assertThat(catalog.linkedOffers(null, "RUN-1", "running")).extracting(OfferId::value)
                .containsExactly("o-run", "o-shoe");
        assertThat(catalog.linkedOffers(null, "GLF-1", "golf")).extracting(OfferId::value).containsExactly("o-golf");
        assertThat(catalog.linkedOffers("o-shoe", "GLF-1", "golf")).extracting(OfferId::value)
                .containsExactly("o-shoe");
        assertThat(catalog.linkedOffers("gone", "RUN-1", "running")).isEmpty();
        assertThat(catalog.linkedOffers(null, null, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate id      | {id: a, target: {category: x}, value: 1, content: {title: t}} ;; {id: a, target: {category: y}, value: 1, content: {title: t}} | o.yaml:4: offers[1].id: duplicate offer id 'a' (first defined on line 3)
            bad id            | {id: 'a b', target: {category: x}, value: 1, content: {title: t}}                      | o.yaml:3: offers[0].id: offer id 'a b' is not a valid id
            two targets       | {id: a, target: {category: x, product: p}, value: 1, content: {title: t}}             | offers[0].target: name exactly one of category or product
            unknown target    | {id: a, target: {brand: x}, value: 1, content: {title: t}}                            | offers[0].target.brand: unknown field
            negative value    | {id: a, target: {category: x}, value: -2, content: {title: t}}                        | offers[0].value: -2.0 is negative
            discount percent  | {id: a, target: {category: x}, value: 1, discount: 20, content: {title: t}}           | offers[0].discount: 20.0 is not a fraction in [0, 1)
            bad date          | {id: a, target: {category: x}, value: 1, valid_from: 01/02/2025, content: {title: t}} | offers[0].valid_from: '01/02/2025' is not a date
            dates reversed    | {id: a, target: {category: x}, value: 1, valid_from: 2025-02-01, valid_to: 2025-01-01, content: {title: t}} | offers[0].valid_to: 2025-01-01 is before valid_from 2025-02-01
            no title          | {id: a, target: {category: x}, value: 1, content: {link: 'https://x.example'}}        | offers[0].content.title: is required
            bad url           | {id: a, target: {category: x}, value: 1, content: {title: t, link: 'ftp://x'}}        | offers[0].content.link: 'ftp://x' is not an http(s) URL
            missing value     | {id: a, target: {category: x}, content: {title: t}}                                   | offers[0].value: is required
            """)
    void refusesABadOfferSaying(String ignoredCase, String items, String expectedMessage) {
        StringBuilder yaml = new StringBuilder("version: 1\noffers:\n");
        for (String item : items.split(";;")) {
            yaml.append("  - ").append(item.strip()).append('\n');
        }
        assertThatThrownBy(() -> OfferCatalog.parse("o.yaml", yaml.toString()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(expectedMessage);
    }
}
