package dev.nbo.models.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.fixture.ProjectFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureSpecTest {
    private static final String HEAD = "version: 1\nfeatures:\n";
    private static final String VIEWS = "  - {name: views_7d, entity: customer, source: events, filter: {event_type: page_view}, aggregation: count, window: 7d}\n";

    @Test
    void theShippedFeatureFilesParse() {
        FeatureSpec demo = FeatureSpec.load(ProjectFiles.config("features.yaml"));
        FeatureSpec retail = FeatureSpec.load(ProjectFiles.config("online-retail/features.yaml"));

        assertThat(demo.features()).hasSizeGreaterThan(40);
        for (Entity entity : Entity.values()) {
            assertThat(demo.features(entity)).as(entity.wireName()).isNotEmpty();
            assertThat(retail.features(entity)).as(entity.wireName()).isNotEmpty();
        }
        assertThat(demo.features()).extracting(FeatureDefinition::aggregation).contains(Aggregation.values());
    }

    @Test
    void readsEveryFieldOfAFeature() {
        FeatureSpec spec = FeatureSpec.parse("f.yaml", HEAD + """
                  - name: last_cat
                    description: Last category viewed
                    entity: customer
                    source: events
                    filter: {event_type: [page_view, add_to_cart], category: [golf]}
                    aggregation: last
                    column: category
                    window: 30d
                    type: string
                    default: none
                """);
        FeatureDefinition f = spec.require("last_cat");

        assertThat(f.entity()).isEqualTo(Entity.CUSTOMER);
        assertThat(f.source()).isEqualTo(Source.EVENTS);
        assertThat(f.aggregation()).isEqualTo(Aggregation.LAST);
        assertThat(f.column()).isEqualTo("category");
        assertThat(f.window().days()).isEqualTo(30);
        assertThat(f.filter().allowed()).containsOnlyKeys("event_type", "category");
        assertThat(f.filter().allowed().get("event_type")).containsExactly("page_view", "add_to_cart");
        assertThat(f.type()).isEqualTo(ValueType.STRING);
        assertThat(f.defaultValue()).isEqualTo("none");
        assertThat(f.description()).isEqualTo("Last category viewed");
    }

    @Test
    void theHashIsStableAndFollowsDefinitionsNotFormatting() {
        FeatureSpec a = FeatureSpec.parse("a.yaml", HEAD + VIEWS);
        FeatureSpec reformatted = FeatureSpec.parse("b.yaml", """
                # same definition, other layout and a description
                version: 1
                features:
                  - name: views_7d
                    description: views
                    entity: customer
                    source: events
                    filter:
                      event_type: page_view
                    aggregation: count
                    window: 7d
                """);
        FeatureSpec changed = FeatureSpec.parse("c.yaml", HEAD + VIEWS.replace("7d}", "8d}"));

        assertThat(a.hash()).hasSize(64).isEqualTo(reformatted.hash());
        assertThat(changed.hash()).isNotEqualTo(a.hash());
        assertThat(FeatureFixture.spec().hash()).isEqualTo(FeatureFixture.spec().hash());
    }

    @Test
    void ratiosMayReferToFeaturesDefinedLater() {
        FeatureSpec spec = FeatureSpec.parse("f.yaml", HEAD
                + "  - {name: r, entity: customer, aggregation: ratio, numerator: views_7d, denominator: views_7d}\n"
                + VIEWS);
        assertThat(spec.require("r").type()).isEqualTo(ValueType.DOUBLE);
    }

    /** Each bad file (items separated by ;;, VIEWS standing for a valid feature) must be refused with the file, the line, the field path and the bad value in the message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate name      | VIEWS ;; VIEWS                                                                                          | f.yaml:4: features[1].name: duplicate feature name 'views_7d' (first defined on line 3)
            bad window          | {name: x, entity: customer, source: events, aggregation: count, window: 7x}                             | f.yaml:3: features[0].window: '7x' is not a window
            zero window         | {name: x, entity: customer, source: events, aggregation: count, window: 0d}                             | f.yaml:3: features[0].window: '0d' is not a window
            unknown ratio part  | {name: x, entity: customer, aggregation: ratio, numerator: nope, denominator: nope}                     | f.yaml:3: features[0].numerator: 'nope' is not a feature defined in this file
            ratio across entity | VIEWS ;; {name: o, entity: offer, aggregation: ratio, numerator: views_7d, denominator: views_7d}        | f.yaml:4: features[1].numerator: 'views_7d' belongs to entity customer
            ratio cycle         | {name: a, entity: customer, aggregation: ratio, numerator: b, denominator: b} ;; {name: b, entity: customer, aggregation: ratio, numerator: a, denominator: a} | features[0]: ratio 'a' depends on itself
            unknown field       | {name: x, entity: customer, source: events, aggregation: count, windw: 7d}                              | f.yaml:3: features[0].windw: unknown field
            unknown entity      | {name: x, entity: shopper, source: events, aggregation: count}                                          | features[0].entity: 'shopper' is not one of customer, customer_category, offer, customer_offer
            unknown aggregation | {name: x, entity: customer, source: events, aggregation: median}                                        | features[0].aggregation: 'median' is not one of
            unknown source      | {name: x, entity: customer, source: clicks, aggregation: count}                                         | features[0].source: 'clicks' is not one of events, order_items, customers, offers
            unknown column      | {name: x, entity: customer, source: order_items, aggregation: sum, column: price}                       | features[0].column: 'price' is not a column of order_items
            text column summed  | {name: x, entity: customer, source: events, aggregation: sum, column: category}                         | features[0].column: sum needs a numeric column; 'category' is string
            missing column      | {name: x, entity: customer, source: events, aggregation: last}                                          | features[0].column: is required by aggregation last
            column on count     | {name: x, entity: customer, source: events, aggregation: count, column: category}                       | features[0].column: count takes no column
            bad event type      | {name: x, entity: customer, source: events, aggregation: count, filter: {event_type: page_veiw}}        | features[0].filter.event_type: 'page_veiw' is not an event type
            bad order type      | {name: x, entity: customer, source: order_items, aggregation: count, filter: {order_type: refund}}      | features[0].filter.order_type: 'refund' is not an order type
            unfilterable column | {name: x, entity: customer, source: events, aggregation: count, filter: {session_id: s1}}               | features[0].filter.session_id: cannot filter on 'session_id'
            default on count    | {name: x, entity: customer, source: events, aggregation: count, default: 3}                             | features[0].default: count is 0 when no row matches
            default wrong type  | {name: x, entity: customer, source: events, aggregation: avg, column: category, default: 1}             | features[0].column: avg needs a numeric column
            bad default number  | {name: x, entity: customer, source: order_items, aggregation: avg, column: amount, default: lots}       | features[0].default: 'lots' is not a number
            type mismatch       | {name: x, entity: customer, source: events, aggregation: count, type: double}                           | features[0].type: 'double' does not match what count produces: long
            attribute of events | {name: x, entity: customer, source: events, aggregation: attribute, column: category}                   | features[0].source: aggregation attribute reads the customers or offers table
            count of customers  | {name: x, entity: customer, source: customers, aggregation: count}                                      | features[0].source: customers holds profile attributes
            offer attr customer | {name: x, entity: customer, source: offers, aggregation: attribute, column: value}                      | features[0].source: offers attributes belong to entity offer
            window on attribute | {name: x, entity: customer, source: customers, aggregation: attribute, column: age, window: 7d}         | features[0].window: a window applies to events and order_items only
            reserved name       | {name: label, entity: customer, source: events, aggregation: count}                                     | features[0].name: 'label' is reserved
            bad name            | {name: Views, entity: customer, source: events, aggregation: count}                                     | features[0].name: 'Views' is not a valid feature name
            """)
    void refusesABadFeatureSaying(String ignoredCase, String items, String expectedMessage) {
        StringBuilder body = new StringBuilder();
        for (String item : items.split(";;")) {
            body.append("  - ").append(item.strip().replace("VIEWS", VIEWS.substring(4).strip())).append('\n');
        }
        assertThatThrownBy(() -> FeatureSpec.parse("f.yaml", HEAD + body))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void refusesFilesWithoutFeaturesOrOfAnotherVersion() {
        assertThatThrownBy(() -> FeatureSpec.parse("f.yaml", "version: 1\nfeatures: []\n"))
                .hasMessageContaining("f.yaml:2: features: must list at least one feature");
        assertThatThrownBy(() -> FeatureSpec.parse("f.yaml", "version: 2\nfeatures: []\n"))
                .hasMessageContaining("f.yaml:1: version: version 2 is not supported");
        assertThatThrownBy(() -> FeatureSpec.parse("f.yaml", "features: [}"))
                .hasMessageContaining("f.yaml").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> FeatureSpec.parse("f.yaml", ""))
                .hasMessageContaining("f.yaml: the file is empty");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> FeatureSpec.load(java.nio.file.Path.of("no/such/features.yaml")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("no/such/features.yaml: file not found");
    }

    @Test
    void listsFeaturesByEntityAndSourceInFileOrder() {
        FeatureSpec spec = FeatureFixture.spec();
        assertThat(spec.features(Entity.OFFER)).extracting(FeatureDefinition::name)
                .containsExactly("offer_value", "offer_buyers_30d", "offer_clicks_7d");
        assertThat(spec.features(Entity.CUSTOMER, Source.ORDER_ITEMS)).extracting(FeatureDefinition::name)
                .startsWith("spend_30d", "avg_price_30d");
        assertThat(FeatureSpec.longestWindow(spec.features(Entity.CUSTOMER_CATEGORY)).days()).isEqualTo(30);
        assertThat(FeatureSpec.longestWindow(List.of(spec.require("views_all"))).isLifetime()).isTrue();
    }
}
