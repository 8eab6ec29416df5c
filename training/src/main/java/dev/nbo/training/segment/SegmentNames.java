package dev.nbo.training.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names a segment from the features that set it apart, in words a marketer reads ("Big spenders · Recent buyers")
 * rather than column names.
 *
 * <p>A small vocabulary maps known feature-name fragments to a phrase for each direction. Fragments match whole
 * {@code _}-separated words, so {@code age} names {@code age} but not {@code page_views_7d}, and the most specific
 * fragment comes first ({@code days_since_last_email_open} before {@code email_open}). A feature the
 * vocabulary does not know, or a direction it has no phrase for, is written as the feature itself
 * ("High cart_removes_30d"). The name joins the phrases of the two most distinct features; names already taken in
 * the model get a " (2)", " (3)"... suffix.
 */
final class SegmentNames {
    /** The name of a segment no feature sets apart (every |z| below the profile threshold). */
    static final String AVERAGE = "Average customers";
    private static final int PHRASES_PER_NAME = 2;

    private record Term(List<String> fragments, String high, String low) {
        Optional<String> phrase(DistinctFeature.Direction direction) {
            return Optional.ofNullable(direction == DistinctFeature.Direction.HIGH ? high : low);
        }
    }

    private static final List<Term> VOCABULARY = List.of(
            term("Lapsed buyers", "Recent buyers", "days_since_last_purchase", "days_since_last_order"),
            term("Lapsed visitors", "Recent visitors", "days_since_last_visit"),
            term("Email dormant", "Recent email openers", "days_since_last_email_open"),
            term("Long-standing customers", "New customers", "tenure", "days_since_first_order"),
            term("Big-basket buyers", "Small-basket buyers", "avg_order_value"),
            term("Premium shoppers", "Bargain hunters", "item_price", "unit_price"),
            term("Big spenders", "Light spenders", "spend"),
            term("Frequent buyers", "Occasional buyers", "orders"),
            term("Email engaged", "Email unengaged", "email_open", "email_opens", "email_click", "email_clicks"),
            term("Browsers", "Rare visitors", "page_views", "sessions"),
            term("Cart fillers", null, "cart_adds"),
            term("Frequent cancellers", null, "cancellations"),
            term("Wide-range shoppers", "Single-category shoppers", "categories", "categories_bought"),
            term("Older customers", "Younger customers", "age"));

    private SegmentNames() {
    }

    private static Term term(String high, String low, String... fragments) {
        return new Term(List.of(fragments), high, low);
    }

    /** One unique name per segment, in the order given. */
    static List<String> unique(List<List<DistinctFeature>> distinctPerSegment) {
        Map<String, Integer> uses = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (List<DistinctFeature> distinct : distinctPerSegment) {
            String name = name(distinct);
            int use = uses.merge(name, 1, Integer::sum);
            names.add(use == 1 ? name : name + " (" + use + ")");
        }
        return names;
    }

    /** The name of one segment, which may repeat another segment's. */
    static String name(List<DistinctFeature> distinct) {
        Set<String> phrases = new LinkedHashSet<>();
        for (DistinctFeature feature : distinct) {
            if (phrases.size() < PHRASES_PER_NAME) {
                phrases.add(phrase(feature));
            }
        }
        return phrases.isEmpty() ? AVERAGE : String.join(" · ", phrases);
    }

    /** The vocabulary's phrase for a feature and direction, or e.g. "High spend_365d". */
    static String phrase(DistinctFeature feature) {
        List<String> words = Arrays.asList(feature.feature().split("_"));
        for (Term term : VOCABULARY) {
            for (String fragment : term.fragments()) {
                if (Collections.indexOfSubList(words, Arrays.asList(fragment.split("_"))) >= 0) {
                    Optional<String> phrase = term.phrase(feature.direction());
                    if (phrase.isPresent()) {
                        return phrase.get();
                    }
                }
            }
        }
        String described = feature.describe();
        return Character.toUpperCase(described.charAt(0)) + described.substring(1);
    }
}
