package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.offer.OfferCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorldCatalogTest {
    private final World world = Worlds.of(42, 1_000_000, 30);

    @Test
    void everyCategoryHasFortyProductsNumberedFromItsCode() {
        for (Category category : Category.all()) {
            List<Product> products = world.products().of(category);
            assertThat(products).hasSize(40);
            assertThat(products.get(0).id()).isEqualTo(category.code() + "-0001");
            assertThat(products.get(39).id()).isEqualTo(category.code() + "-0040");
            assertThat(products).extracting(Product::name).doesNotHaveDuplicates();
            assertThat(products).extracting(Product::rank).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
            assertThat(products).allSatisfy(p -> assertThat(p.price()).isGreaterThan(4.0).isLessThan(10 * 349));
        }
        assertThat(world.products().all()).hasSize(480);
    }

    @Test
    void heroProductsAreTheMostPopularOfTheirCategory() {
        SplittableRandom random = new SplittableRandom(1);
        for (Category category : List.of(Category.RUNNING, Category.GOLF)) {
            Map<String, Integer> views = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                views.merge(world.products().popular(category, random).id(), 1, Integer::sum);
            }
            String hero = category.code() + "-0001";
            assertThat(world.products().hero(category).id()).isEqualTo(hero);
            int heroViews = views.get(hero);
            assertThat(views.entrySet()).allSatisfy(e -> {
                if (!e.getKey().equals(hero)) {
                    assertThat(heroViews).isGreaterThan((int) (1.5 * e.getValue()));
                }
            });
        }
        assertThat(world.products().product("RUN-0001").orElseThrow().name()).isEqualTo("Stride Pro Running Shoe");
        assertThat(world.products().product("GLF-0001").orElseThrow().price()).isEqualTo(349.0);
    }

    @Test
    void everyShippedOfferHasACategoryOfTheWorld() {
        OfferCatalog offers = Worlds.shippedOffers();
        assertThat(offers.offers()).allSatisfy(o -> assertThat(world.categoryOf(o)).isNotNull());
        assertThat(world.categoryOf(offers.offer(dev.nbo.models.id.OfferId.of("golf-driver-hero")).orElseThrow()))
                .isEqualTo(Category.GOLF);
    }

    @Test
    void anOfferOnAProductTheWorldDoesNotSellIsRefusedWithItsName() {
        OfferCatalog catalog = OfferCatalog.parse("test-offers.yaml", """
                version: 1
                offers:
                  - id: ghost
                    target: {product: RUN-0999}
                    value: 10
                    content: {title: "Ghost"}
                """);
        assertThatThrownBy(() -> World.create(42, 10, Worlds.START, 10, catalog))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test-offers.yaml")
                .hasMessageContaining("'ghost'")
                .hasMessageContaining("RUN-0999")
                .hasMessageContaining("--offers");
    }

    @Test
    void anOfferOnAnUnknownCategoryIsRefused() {
        OfferCatalog catalog = OfferCatalog.parse("test-offers.yaml", """
                version: 1
                offers:
                  - id: skiing-10
                    target: {category: skiing}
                    value: 10
                    content: {title: "Ski"}
                """);
        assertThatThrownBy(() -> World.create(42, 10, Worlds.START, 10, catalog))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category:skiing")
                .hasMessageContaining("running, golf");
    }

    @Test
    void customerIdsArePaddedToTheCustomerCountAndMapBackToTheirIndex() {
        assertThat(world.customerId(0)).isEqualTo("C0000001");
        assertThat(world.customerId(999_999)).isEqualTo("C1000000");
        assertThat(world.customerIndex("C0000042")).hasValue(41);
        assertThat(world.customerIndex("C1000001")).isEmpty();
        assertThat(world.customerIndex(world.unknownCustomerId(3))).isEmpty();
        assertThat(world.customerIndex("X0000001")).isEmpty();
        assertThat(Worlds.of(1, 9, 5).customerId(8)).isEqualTo("C9");
    }

    @Test
    void aWorldNeedsCustomersAndDays() {
        assertThatThrownBy(() -> Worlds.of(1, 0, 5)).hasMessageContaining("at least 1 customer");
        assertThatThrownBy(() -> Worlds.of(1, 5, 0)).hasMessageContaining("at least 1 day");
    }
}
