package dev.nbo.training.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.feature.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's reading of the server's clock, so that outcome events are stamped at serving time. A server with
 * {@code clock: snapshot} tells time as the online snapshot's as-of instant plus the wall time since it started; the
 * simulator starts its own count when it is created, after the server was ready, so its reading is never ahead of the
 * server's (events must not be in the future for the online features) as long as it is created once the server is
 * ready; it lags the server's by the time between the server's start and then.
 */
public final class ServingClock {
    private final Clock wall;
    private final Instant origin;
    private final Instant wallAtOrigin;

    private ServingClock(Clock wall, Instant origin) {
        this.wall = wall;
        this.origin = origin;
        this.wallAtOrigin = wall.instant();
    }

    /** Serving time of a server on {@code clock: snapshot}: {@code asOf} from now on. */
    public static ServingClock startingAt(Instant asOf, Clock wall) {
        return new ServingClock(wall, asOf);
    }

    /** Serving time of a server on the wall clock ({@code clock: wall}, the default of serving.yaml). */
    public static ServingClock wall(Clock wall) {
        return new ServingClock(wall, wall.instant());
    }

    public Instant now() {
        return origin.plus(Duration.between(wallAtOrigin, wall.instant()));
    }

    /** The as-of instant in the snapshot's {@code manifest.json} ({@code as_of_us}, epoch microseconds). */
    public static Instant asOf(Path onlineSnapshot) {
        Path manifest = onlineSnapshot.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("no online snapshot at " + onlineSnapshot + " (no manifest.json): pass"
                    + " --snapshot with the online_snapshot folder of the server's serving.yaml, or --clock wall for a"
                    + " server on the wall clock");
        }
        JsonNode asOf;
        try {
            asOf = new ObjectMapper().readTree(manifest.toFile()).path("as_of_us");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
        if (!asOf.isIntegralNumber()) {
            throw new IllegalArgumentException(manifest + ": as_of_us must be epoch microseconds, got " + asOf);
        }
        return Window.instant(asOf.asLong());
    }
}
