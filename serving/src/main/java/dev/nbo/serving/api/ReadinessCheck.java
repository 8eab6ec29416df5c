package dev.nbo.serving.api;

import java.util.Optional;

/**
 * Whether the service can answer real requests yet (model loaded, online store open...). {@code /ready} asks it on
 * every call, so an implementation must be cheap and must not throw.
 */
@FunctionalInterface
public interface ReadinessCheck {
    /** Empty when ready; otherwise why not, e.g. {@code "no champion model loaded"}. */
    Optional<String> notReadyReason();

    static ReadinessCheck alwaysReady() {
        return Optional::empty;
    }
}
