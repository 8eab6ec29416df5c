package dev.nbo.training.data;

import dev.nbo.models.encode.ScoringRow;
import java.time.LocalDate;

/**
 * One training pair: customer × candidate offer at an as-of date, its label and sampling weight, and the feature
 * values in the order of {@link PairTable#featureNames()}.
 */
public record PairRow(LocalDate asOf, String customerId, String offerId, String offerCategory, boolean label,
                      double weight, Object[] values, FeatureIndex index) {

    public Object feature(String name) {
        Integer i = index.position(name);
        return i == null ? null : values[i];
    }

    public ScoringRow scoringRow() {
        return new ScoringRow(offerId, offerCategory, index.view(values));
    }
}
