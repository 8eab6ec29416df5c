package dev.nbo.models.online;

import dev.nbo.models.aggregate.StateRow;
import java.util.List;

/** The state of one offer's features (aggregated over all customers). */
public record OfferRecord(String offerId, List<StateRow> state) {
    public OfferRecord {
        state = List.copyOf(state);
    }
}
