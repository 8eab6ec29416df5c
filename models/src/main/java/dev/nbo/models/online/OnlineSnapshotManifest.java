package dev.nbo.models.online;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code online/manifest.json}: what an online snapshot holds and for which feature definitions.
 *
 * @param asOf     the as-of date (UTC midnight) the state and features are computed at
 * @param specHash the {@code FeatureSpec} hash; a reader with other definitions refuses the snapshot
 */
public record OnlineSnapshotManifest(
        @JsonProperty("format") int format,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("as_of_us") long asOfMicros,
        @JsonProperty("spec_hash") String specHash,
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("customers") long customers,
        @JsonProperty("offers") long offers,
        @JsonProperty("products") long products) {

    public static final int FORMAT = 1;
}
