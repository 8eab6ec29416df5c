package dev.nbo.features.generate;

import java.util.List;

/** A row of {@code customers}. */
record CustomerRow(String customerId, long signupMicros, int birthYear, String city, String region, String country,
                   List<String> interests, boolean marketingConsent) implements WarehouseRow {
    @Override
    public void writeTo(RowWriter row) {
        row.string(customerId).timestamp(signupMicros).integer(birthYear).string(city).string(region).string(country)
                .strings(interests).bool(marketingConsent);
    }
}
