package dev.nbo.training.evaluate;

import dev.nbo.training.data.FeatureIndex;
import dev.nbo.training.data.PairRow;
import java.time.LocalDate;
import java.util.List;

/** Hand-made pair rows for the evaluation tests. */
final class Pairs {
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 2);
    static final FeatureIndex INDEX = new FeatureIndex(List.of("bought"));

    private Pairs() {
    }

    static PairRow pair(String customer, String offer, boolean label) {
        return pair(customer, offer, label, 0L);
    }

    static PairRow pair(String customer, String offer, boolean label, long bought) {
        return new PairRow(AS_OF, customer, offer, "cat", label, 1.0, new Object[] {bought}, INDEX);
    }
}
