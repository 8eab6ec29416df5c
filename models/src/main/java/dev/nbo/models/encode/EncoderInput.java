package dev.nbo.models.encode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One source of model inputs. {@code feature} is a feature name of the spec, or {@value #OFFER_ID} /
 * {@value #OFFER_CATEGORY} for the pair's own columns.
 *
 * @param values the vocabulary of {@link EncoderKind#ONE_HOT} and {@link EncoderKind#MULTI_HOT} inputs, most frequent
 *               first; empty for the other kinds
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EncoderInput(String feature, EncoderKind kind, List<String> values) {

    public static final String OFFER_ID = "offer_id";
    public static final String OFFER_CATEGORY = "offer_category";
    /** The one-hot input set when a categorical value is outside the vocabulary. */
    public static final String OTHER = "(other)";
    /** The one-hot input set when a categorical value is missing. */
    public static final String MISSING = "(missing)";

    public EncoderInput {
        // interned like FeatureDefinition's names, which serving looks this name up among once per candidate
        feature = Objects.requireNonNull(feature, "feature").intern();
        Objects.requireNonNull(kind, "kind");
        values = values == null ? List.of() : List.copyOf(values);
        boolean hasVocabulary = kind == EncoderKind.ONE_HOT || kind == EncoderKind.MULTI_HOT;
        if (!hasVocabulary && !values.isEmpty()) {
            throw new IllegalArgumentException("input " + feature + " of kind " + kind.wireName()
                    + " must not carry a vocabulary");
        }
    }

    /** The names of the model inputs this source produces, in a stable order. */
    public List<String> inputNames() {
        return switch (kind) {
            case NUMERIC -> List.of(feature);
            case ONE_HOT -> {
                var names = new java.util.ArrayList<String>(values.size() + 2);
                values.forEach(v -> names.add(feature + "=" + v));
                names.add(feature + "=" + OTHER);
                names.add(feature + "=" + MISSING);
                yield List.copyOf(names);
            }
            case MULTI_HOT -> values.stream().map(v -> feature + "=" + v).toList();
            case MATCHES_OFFER_CATEGORY -> List.of(feature + "==offer_category");
            case CONTAINS_OFFER_CATEGORY -> List.of(feature + ":has_offer_category");
        };
    }
}
