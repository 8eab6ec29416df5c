package dev.nbo.models.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.FeatureSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureEncoderTest {
    private static final FeatureSpec SPEC = FeatureSpec.parse("test.yaml", """
            version: 1
            features:
              - {name: orders_365d, entity: customer, source: order_items, filter: {order_type: purchase}, aggregation: count, window: 365d}
              - {name: last_category_viewed, entity: customer, source: events, filter: {event_type: page_view}, aggregation: last, column: category, window: 30d}
              - {name: city, entity: customer, source: customers, aggregation: attribute, column: city}
              - {name: interests, entity: customer, source: customers, aggregation: attribute, column: interests}
              - {name: marketing_consent, entity: customer, source: customers, aggregation: attribute, column: marketing_consent}
            """);
    private static final List<String> FEATURES =
            List.of("orders_365d", "last_category_viewed", "city", "interests", "marketing_consent");

    private static ScoringRow row(String offer, String category, Object orders, String lastViewed, String city,
                                  List<String> interests, Boolean consent) {
        Map<String, Object> features = new HashMap<>();
        features.put("orders_365d", orders);
        features.put("last_category_viewed", lastViewed);
        features.put("city", city);
        features.put("interests", interests);
        features.put("marketing_consent", consent);
        return new ScoringRow(offer, category, features);
    }

    private static FeatureEncoder fitted() {
        List<ScoringRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("golf-15", "golf", 3L, "golf", "NYC", List.of("golf", "running"), true));
        }
        for (int i = 0; i < 25; i++) {
            rows.add(row("run-10", "running", 1L, "home", "Denver", List.of("running"), false));
        }
        rows.add(row("run-10", "running", 0L, "home", "Boise", List.of("chess"), false));
        return FeatureEncoder.fit(SPEC, FEATURES, rows, new EncoderConfig(30, 20));
    }

    private static Map<String, Double> encode(FeatureEncoder encoder, ScoringRow row) {
        EncodedRow encoded = encoder.encode(row);
        Map<String, Double> byName = new HashMap<>();
        for (int i = 0; i < encoded.size(); i++) {
            byName.put(encoded.names()[i], encoded.values()[i]);
        }
        return byName;
    }

    @Test
    void vocabulariesKeepOnlyValuesSeenAtLeastMinCountTimesMostFrequentFirst() {
        FeatureEncoder encoder = fitted();
        assertThat(encoder.inputs()).filteredOn(i -> i.feature().equals("city") && i.kind() == EncoderKind.ONE_HOT)
                .singleElement().extracting(EncoderInput::values).isEqualTo(List.of("NYC", "Denver"));
        assertThat(encoder.inputs()).filteredOn(i -> i.feature().equals("interests")
                && i.kind() == EncoderKind.MULTI_HOT).singleElement().extracting(EncoderInput::values)
                .isEqualTo(List.of("running", "golf"));
    }

    @Test
    void encodesNumbersOneHotsMultiHotsAndOfferCategoryMatches() {
        Map<String, Double> golf = encode(fitted(),
                row("golf-15", "golf", 4L, "golf", "Boise", List.of("golf"), true));
        assertThat(golf).containsEntry("orders_365d", 4.0)
                .containsEntry("marketing_consent", 1.0)
                .containsEntry("city=NYC", 0.0).containsEntry("city=(other)", 1.0).containsEntry("city=(missing)", 0.0)
                .containsEntry("interests=golf", 1.0).containsEntry("interests=running", 0.0)
                .containsEntry("last_category_viewed==offer_category", 1.0)
                .containsEntry("interests:has_offer_category", 1.0)
                .containsEntry("offer_id=golf-15", 1.0).containsEntry("offer_id=run-10", 0.0)
                .containsEntry("offer_category=golf", 1.0);
        Map<String, Double> running = encode(fitted(),
                row("run-10", "running", 4L, "golf", "NYC", List.of("golf"), false));
        assertThat(running).containsEntry("last_category_viewed==offer_category", 0.0)
                .containsEntry("interests:has_offer_category", 0.0).containsEntry("marketing_consent", 0.0);
    }

    @Test
    void missingNumbersAreLeftOutNotZeroAndMissingCategoriesAreFlagged() {
        Map<String, Double> encoded = encode(fitted(), row("golf-15", "golf", null, null, null, null, null));
        assertThat(encoded).doesNotContainKeys("orders_365d", "marketing_consent")
                .containsEntry("city=(missing)", 1.0).containsEntry("city=(other)", 0.0)
                .containsEntry("last_category_viewed==offer_category", 0.0);
    }

    @Test
    void denseVectorsHoldNaNForMissingAndUnknownInputs() {
        FeatureEncoder encoder = fitted();
        float[] dense = encoder.layout(List.of("orders_365d", "city=NYC", "not_an_input"))
                .encode(row("golf-15", "golf", null, null, "NYC", null, null));
        assertThat(Float.isNaN(dense[0])).isTrue();
        assertThat(dense[1]).isEqualTo(1f);
        assertThat(Float.isNaN(dense[2])).isTrue();
    }

    @Test
    void aBatchWithSharedCustomerFeaturesEncodesLikeRowByRow() {
        FeatureEncoder encoder = fitted();
        FeatureEncoder.DenseLayout layout = encoder.layout(encoder.inputNames());
        // one customer (same customer features in every row), three offers, one of an unknown category; the
        // comparisons with the offer's category and the offer's own columns must still differ per row
        List<ScoringRow> rows = List.of(
                row("golf-15", "golf", 3L, "golf", "Denver", List.of("golf"), true),
                row("run-10", "running", 3L, "golf", "Denver", List.of("golf"), true),
                row("chess-5", "chess", 3L, "golf", "Denver", List.of("golf"), true));
        float[] batch = layout.encode(rows, java.util.Set.of("orders_365d", "last_category_viewed", "city",
                "interests", "marketing_consent"));
        int width = layout.width();
        assertThat(batch).hasSize(3 * width);
        for (int r = 0; r < rows.size(); r++) {
            assertThat(java.util.Arrays.copyOfRange(batch, r * width, (r + 1) * width))
                    .as("row %d", r).containsExactly(layout.encode(rows.get(r)));
        }
        assertThat(java.util.Arrays.copyOfRange(batch, 0, width))
                .isNotEqualTo(java.util.Arrays.copyOfRange(batch, width, 2 * width));
        assertThat(layout.encode(List.of(), java.util.Set.of())).isEmpty();
    }

    @Test
    void aSharedFeatureMissingInTheFirstRowIsMissingInEveryRow() {
        FeatureEncoder encoder = fitted();
        FeatureEncoder.DenseLayout layout = encoder.layout(List.of("orders_365d", "city=(missing)"));
        List<ScoringRow> rows = List.of(row("golf-15", "golf", null, null, null, null, null),
                row("run-10", "running", null, null, null, null, null));
        float[] batch = layout.encode(rows, java.util.Set.of("orders_365d", "city"));
        assertThat(Float.isNaN(batch[0])).isTrue();
        assertThat(Float.isNaN(batch[2])).isTrue();
        assertThat(batch[1]).isEqualTo(1f);
        assertThat(batch[3]).isEqualTo(1f);
    }

    @Test
    void survivesAJsonRoundTrip(@TempDir Path dir) {
        FeatureEncoder encoder = fitted();
        encoder.write(dir.resolve("encoder.json"));
        FeatureEncoder read = FeatureEncoder.read(dir.resolve("encoder.json"));
        assertThat(read).isEqualTo(encoder);
        ScoringRow row = row("run-10", "running", 2L, "home", "Denver", List.of("running"), true);
        assertThat(encode(read, row)).isEqualTo(encode(encoder, row));
    }

    @Test
    void refusesAFeatureOfTheWrongType() {
        FeatureEncoder encoder = fitted();
        assertThatThrownBy(() -> encoder.encode(row("golf-15", "golf", "three", null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders_365d")
                .hasMessageContaining("three");
    }

    @Test
    void refusesAFeatureTheSpecDoesNotDeclare() {
        assertThatThrownBy(() -> FeatureEncoder.fit(SPEC, List.of("no_such_feature"), List.of(), EncoderConfig.DEFAULT))
                .hasMessageContaining("no_such_feature");
    }
}
