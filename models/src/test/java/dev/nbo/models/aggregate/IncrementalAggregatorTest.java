package dev.nbo.models.aggregate;

import static dev.nbo.models.fixture.FeatureValueAssert.assertFeatureValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.FeatureFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncrementalAggregatorTest {
    private final FeatureSpec spec = FeatureFixture.spec();

    private IncrementalAggregator fed(List<SourceRow> rows) {
        IncrementalAggregator aggregator = new IncrementalAggregator(spec, FeatureFixture.offers());
        FeatureFixture.customers().forEach(aggregator::upsertProfile);
        rows.forEach(aggregator::accept);
        return aggregator;
    }

    @Test
    void everyAggregationKindMatchesTheHandWorkedValues() {
        IncrementalAggregator aggregator = fed(FeatureFixture.rowsBeforeAsOf());

        FeatureFixture.expected().forEach((key, features) -> {
            Map<String, FeatureValue> actual = aggregator.values(key, FeatureFixture.AS_OF);
            features.forEach((name, expected) -> assertFeatureValue(key + " " + name, actual.get(name).value(), expected));
        });
    }

    @Test
    void keysWithoutExpectedValuesHoldOnlyEmptyValues() {
        IncrementalAggregator aggregator = fed(FeatureFixture.rowsBeforeAsOf());
        for (Entity entity : Entity.values()) {
            for (EntityKey key : aggregator.keys(entity)) {
                if (FeatureFixture.expected().containsKey(key)) {
                    continue;
                }
                for (FeatureDefinition feature : spec.features(entity)) {
                    assertThat(aggregator.value(key, feature, FeatureFixture.AS_OF).value())
                            .as("%s %s", key, feature.name()).isEqualTo(feature.emptyValue());
                }
            }
        }
        assertThat(aggregator.keys(Entity.CUSTOMER_CATEGORY)).contains(EntityKey.customerCategory("c3", "yoga"));
    }

    @Test
    void statusTellsDataFromDefaultFromMissing() {
        IncrementalAggregator aggregator = fed(FeatureFixture.rowsBeforeAsOf());
        Map<String, FeatureValue> c3 = aggregator.values(EntityKey.customer("c3"), FeatureFixture.AS_OF);

        assertThat(c3.get("views_7d").status()).isEqualTo(FeatureStatus.PRESENT);
        assertThat(c3.get("avg_price_30d").status()).isEqualTo(FeatureStatus.DEFAULT);
        assertThat(c3.get("min_price_30d").status()).isEqualTo(FeatureStatus.MISSING);
        assertThat(c3.get("days_since_view").status()).isEqualTo(FeatureStatus.PRESENT);
    }

    @Test
    void anUnknownCustomerGetsMissingAttributesAndZeroCounts() {
        IncrementalAggregator aggregator = fed(FeatureFixture.rowsBeforeAsOf());
        Map<String, FeatureValue> unknown = aggregator.values(EntityKey.customer("nobody"), FeatureFixture.AS_OF);

        assertThat(unknown.get("views_7d").value()).isEqualTo(0L);
        assertThat(unknown.get("age").status()).isEqualTo(FeatureStatus.MISSING);
        assertThat(unknown.get("days_since_purchase").value()).isEqualTo(999.0);
    }

    @Test
    void arrivalOrderDoesNotChangeAnyValue() {
        List<SourceRow> shuffled = new ArrayList<>(FeatureFixture.rowsBeforeAsOf());
        Collections.shuffle(shuffled, new Random(7));
        IncrementalAggregator inOrder = fed(FeatureFixture.rowsBeforeAsOf());
        IncrementalAggregator outOfOrder = fed(shuffled);

        FeatureFixture.expected().keySet().forEach(key ->
                assertThat(outOfOrder.values(key, FeatureFixture.AS_OF))
                        .isEqualTo(inOrder.values(key, FeatureFixture.AS_OF)));
    }

    @Test
    void exportedStateRebuildsTheSameValues() {
        IncrementalAggregator original = fed(FeatureFixture.rowsBeforeAsOf());
        IncrementalAggregator restored = new IncrementalAggregator(spec, FeatureFixture.offers());
        FeatureFixture.customers().forEach(restored::upsertProfile);
        original.exportState().forEach(restored::importState);

        FeatureFixture.expected().keySet().forEach(key ->
                assertThat(restored.values(key, FeatureFixture.AS_OF))
                        .isEqualTo(original.values(key, FeatureFixture.AS_OF)));
    }

    @Test
    void windowedStateKeepsOnlyTheDaysItsWindowCanStillUse() {
        IncrementalAggregator aggregator = fed(FeatureFixture.rowsBeforeAsOf());
        List<StateRow> views2d = aggregator.exportState()
                .filter(r -> r.feature().equals("views_2d") && r.key().equals(EntityKey.customer("c1"))).toList();

        // c1's newest view is on 03-09: a 2d window can only ever use 03-08 and 03-09 again
        assertThat(views2d).extracting(StateRow::day).containsExactlyInAnyOrder(
                (int) java.time.LocalDate.parse("2025-03-08").toEpochDay(),
                (int) java.time.LocalDate.parse("2025-03-09").toEpochDay());
    }

    @Test
    void erasingACustomerForgetsProfileAndState() {
        IncrementalAggregator aggregator = fed(FeatureFixture.rowsBeforeAsOf());
        aggregator.erase("c1");

        assertThat(aggregator.values(EntityKey.customer("c1"), FeatureFixture.AS_OF).get("views_all").value())
                .isEqualTo(0L);
        assertThat(aggregator.values(EntityKey.customer("c1"), FeatureFixture.AS_OF).get("region").status())
                .isEqualTo(FeatureStatus.MISSING);
        assertThat(aggregator.keys(Entity.CUSTOMER_OFFER)).noneMatch(k -> k.customerId().equals("c1"));
        assertThat(aggregator.values(EntityKey.offer("o-golf"), FeatureFixture.AS_OF).get("offer_buyers_30d").value())
                .as("offer aggregates are not personal data and stay").isEqualTo(2L);
    }

    @Test
    void askingAFeatureOfAnotherEntityIsRefused() {
        IncrementalAggregator aggregator = fed(List.of());
        assertThatThrownBy(() -> aggregator.value(EntityKey.offer("o-run"), spec.require("views_7d"), 0L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("views_7d").hasMessageContaining("customer");
    }
}
