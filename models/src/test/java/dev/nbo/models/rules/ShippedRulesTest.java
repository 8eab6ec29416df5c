package dev.nbo.models.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented example, {@code config/rules.yaml}, against the demo world's features and offers. */
class ShippedRulesTest {
    private final FeatureSpec spec = FeatureSpec.load(ProjectFiles.config("features.yaml"));
    private final RuleSet rules = RuleSet.load(ProjectFiles.config("rules.yaml"), spec,
            OfferCatalog.load(ProjectFiles.config("offers.yaml")));

    @Test
    void theShippedRulesParseAgainstTheShippedFeaturesAndOffers() {
        assertThat(rules.rules()).extracting(RuleNode::name).containsExactly("northeast-runners", "loyal",
                "sun-belt-golfers", "miami-swimmers", "west-coast-yoga", "kids-shoppers", "lapsed-buyers",
                "never-bought");
        assertThat(((RuleGroup) rules.rules().get(1)).rules()).extracting(RuleNode::name)
                .containsExactly("loyal-golfers", "loyal-outdoor-west");
        assertThat(rules.defaultMatch().offers()).extracting(OfferId::value)
                .containsExactly("running-20", "fitness-20", "womenswear-30");
        assertThat(rules.variables()).extracting(RuleVariable::name).contains("orders_365d", "interests", "segment");
    }

    @Test
    void answersTheDemoWorldsTypicalCustomers() {
        Map<String, Object> nycRunner = customer(Map.of("city", "NYC", "region", "Northeast",
                "interests", List.of("running")));
        Map<String, Object> loyalMiamiGolfer = customer(Map.of("city", "Miami", "region", "South", "age", 58L,
                "interests", List.of("golf"), "orders_365d", 4L, "spend_365d", 820.0,
                "days_since_last_purchase", 20.0));
        Map<String, Object> loyalChicagoParent = customer(Map.of("orders_365d", 5L, "spend_365d", 640.0,
                "days_since_last_purchase", 9.0, "last_category_viewed", "kids", "cart_adds_30d", 2L));
        Map<String, Object> neverBought = customer(Map.of("tenure_days", 400.0));
        Map<String, Object> newcomer = customer(Map.of("tenure_days", 3.0));

        assertThat(rules.evaluate(nycRunner).offers()).extracting(OfferId::value)
                .containsExactly("nyc-running-club", "run-shoe-hero", "running-20");
        assertThat(rules.evaluate(loyalMiamiGolfer).name()).isEqualTo("loyal-golfers");
        assertThat(rules.evaluate(loyalChicagoParent).name()).as("loyal, fits no loyal rule: falls through")
                .isEqualTo("kids-shoppers");
        assertThat(rules.evaluate(neverBought).name()).isEqualTo("never-bought");
        assertThat(rules.evaluate(newcomer).isDefault()).isTrue();
        assertThat(rules.errors()).isZero();
    }

    /**
     * A Chicago customer of 35 with no interests as the feature pipeline delivers it: every customer feature at its
     * spec's empty value (0 for counts and sums, the declared default, else missing), then the given values.
     */
    private Map<String, Object> customer(Map<String, Object> values) {
        Map<String, Object> customer = new HashMap<>();
        for (FeatureDefinition feature : spec.features(Entity.CUSTOMER)) {
            customer.put(feature.name(), spec.emptyValueOf(feature));
        }
        customer.putAll(Map.of("age", 35L, "tenure_days", 30.0, "city", "Chicago", "region", "Midwest",
                "interests", List.of(), "marketing_consent", true));
        customer.putAll(values);
        return customer;
    }
}
