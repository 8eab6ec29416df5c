package dev.nbo.models.rules;

import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.offer.OfferCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small feature spec with one customer feature of every type, and a catalog of five offers. */
final class RulesFixture {
    static final FeatureSpec SPEC = FeatureSpec.parse("features.yaml", """
            version: 1
            features:
              - {name: orders_365d, entity: customer, source: order_items, filter: {order_type: purchase}, aggregation: count_distinct, column: order_id, window: 365d}
              - {name: spend_365d, entity: customer, source: order_items, filter: {order_type: purchase}, aggregation: sum, column: amount, window: 365d}
              - {name: days_since_last_purchase, entity: customer, source: order_items, filter: {order_type: purchase}, aggregation: days_since}
              - {name: last_category_viewed, entity: customer, source: events, filter: {event_type: page_view}, aggregation: last, column: category, window: 30d}
              - {name: age, entity: customer, source: customers, aggregation: attribute, column: age}
              - {name: city, entity: customer, source: customers, aggregation: attribute, column: city}
              - {name: interests, entity: customer, source: customers, aggregation: attribute, column: interests}
              - {name: marketing_consent, entity: customer, source: customers, aggregation: attribute, column: marketing_consent}
              - {name: offer_value, entity: offer, source: offers, aggregation: attribute, column: value}
            """);

    static final OfferCatalog CATALOG = OfferCatalog.parse("offers.yaml", """
            version: 1
            offers:
              - {id: run-10, target: {category: running}, value: 10, content: {title: Run}}
              - {id: run-shoe, target: {product: RUN-1}, value: 40, content: {title: Shoe}}
              - {id: golf-15, target: {category: golf}, value: 30, content: {title: Golf}}
              - {id: vip, target: {category: home}, value: 5, content: {title: VIP}}
              - {id: welcome, target: {category: home}, value: 1, content: {title: Welcome}}
            """);

    private RulesFixture() {
    }

    static RuleSet rules(String yaml) {
        return RuleSet.parse("rules.yaml", yaml, SPEC, CATALOG);
    }

    /** A customer with a value for every feature; tests change or remove the ones they are about. */
    static Map<String, Object> customer() {
        Map<String, Object> customer = new HashMap<>();
        customer.put("orders_365d", 1L);
        customer.put("spend_365d", 40.0);
        customer.put("days_since_last_purchase", 12.5);
        customer.put("last_category_viewed", "yoga");
        customer.put("age", 35L);
        customer.put("city", "Chicago");
        customer.put("interests", List.of("yoga"));
        customer.put("marketing_consent", true);
        customer.put("segment", "casual");
        customer.put("segment_id", 2L);
        return customer;
    }
}
