package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentNamesTest {
    @ParameterizedTest(name = "{0} z={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            spend_365d                  |  1.5 | Big spenders
            category_spend_365d         | -0.8 | Light spenders
            days_since_last_purchase    | -1.0 | Recent buyers
            days_since_last_order       |  1.0 | Lapsed buyers
            days_since_last_email_open  |  1.0 | Email dormant
            email_open_rate_30d         |  1.0 | Email engaged
            email_clicks_30d            | -1.0 | Email unengaged
            avg_order_value_365d        |  1.0 | Big-basket buyers
            orders_365d                 |  1.0 | Frequent buyers
            page_views_7d               |  1.0 | Browsers
            age                         |  1.0 | Older customers
            tenure_days                 | -1.0 | New customers
            cart_adds_30d               |  1.0 | Cart fillers
            cart_adds_30d               | -1.0 | Low cart_adds_30d
            cart_removes_30d            |  0.9 | High cart_removes_30d
            """)
    void phrasesKnownFeaturesInMarketingWordsAndOthersByName(String feature, double z, String phrase) {
        assertThat(SegmentNames.phrase(DistinctFeature.of(feature, z))).isEqualTo(phrase);
    }

    @Test
    void namesASegmentAfterItsTwoMostDistinctPhrases() {
        assertThat(SegmentNames.name(List.of(DistinctFeature.of("spend_365d", 2.1),
                DistinctFeature.of("days_since_last_purchase", -1.2), DistinctFeature.of("page_views_30d", 0.5))))
                .isEqualTo("Big spenders · Recent buyers");
    }

    @Test
    void twoFeaturesWithTheSamePhraseCountOnce() {
        assertThat(SegmentNames.name(List.of(DistinctFeature.of("spend_365d", 2.1),
                DistinctFeature.of("spend_90d", 1.9), DistinctFeature.of("orders_365d", 1.2))))
                .isEqualTo("Big spenders · Frequent buyers");
    }

    @Test
    void aSegmentNothingSetsApartIsAverage() {
        assertThat(SegmentNames.name(List.of())).isEqualTo("Average customers");
    }

    @Test
    void repeatedNamesGetANumber() {
        List<DistinctFeature> big = List.of(DistinctFeature.of("spend_365d", 2.1));
        List<DistinctFeature> lapsed = List.of(DistinctFeature.of("days_since_last_purchase", 1.4));

        assertThat(SegmentNames.unique(List.of(big, lapsed, big, List.of(), big)))
                .containsExactly("Big spenders", "Lapsed buyers", "Big spenders (2)", "Average customers",
                        "Big spenders (3)");
    }
}
