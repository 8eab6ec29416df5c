package dev.nbo.models.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * The profile attributes of a customer (the warehouse's {@code customers} table, or a CRM upsert). Any field but the
 * id may be unknown (null).
 *
 * @param signupMicros when the customer signed up, epoch microseconds UTC
 */
public record CustomerProfile(
        String customerId,
        Long signupMicros,
        Integer birthYear,
        String city,
        String region,
        String country,
        List<String> interests,
        Boolean marketingConsent) {

    public CustomerProfile {
        Objects.requireNonNull(customerId, "customerId");
        interests = interests == null ? List.of() : List.copyOf(interests);
    }
}
