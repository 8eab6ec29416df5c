package dev.nbo.models.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@code champion.json}: the version serving uses, when it became champion, and why. */
public record Champion(
        @JsonProperty("version") String version,
        @JsonProperty("promoted_at") Instant promotedAt,
        @JsonProperty("reason") String reason) {

    public Champion {
        RegistryNames.checkVersion(version);
        if (promotedAt == null) {
            throw new IllegalArgumentException("promoted_at is required");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a promotion needs a reason a person can read later, got '" + reason
                    + "'");
        }
    }
}
