package dev.nbo.models.online;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.StateRow;
import java.util.List;

/** Everything an online snapshot holds about one customer: profile and the state of every customer-keyed feature. */
public record CustomerRecord(CustomerProfile profile, List<StateRow> state) {
    public CustomerRecord {
        state = List.copyOf(state);
    }
}
