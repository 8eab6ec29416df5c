package dev.nbo.serving.store;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.SourceRow;
import java.util.List;

/**
 * An {@code unsubscribe} event withdraws the customer's marketing consent at once, as the warehouse's customers table
 * would say after its next load: from then on the customer gets only the fallback. A CRM sync ({@code PUT
 * /v1/customers/{id}} with {@code marketingConsent: true}) is the way back.
 */
final class Unsubscribes {
    private static final String UNSUBSCRIBE = "unsubscribe";

    private Unsubscribes() {
    }

    /** {@code profile} with consent withdrawn when {@code rows} hold an unsubscribe; {@code profile} otherwise. */
    static CustomerProfile apply(String customerId, CustomerProfile profile, List<SourceRow> rows) {
        boolean unsubscribed = rows.stream().anyMatch(row -> row.customerId() != null
                && UNSUBSCRIBE.equals(row.text("event_type")));
        if (!unsubscribed) {
            return profile;
        }
        if (profile == null) {
            return new CustomerProfile(customerId, null, null, null, null, null, List.of(), false);
        }
        return new CustomerProfile(profile.customerId(), profile.signupMicros(), profile.birthYear(), profile.city(),
                profile.region(), profile.country(), profile.interests(), false);
    }
}
