package dev.nbo.features.generate;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the run's seed. Every stream a customer uses is seeded from (seed,
 * customer index, purpose) alone, which is what makes a warehouse the same whatever the thread count or the order in
 * which customers are simulated.
 */
final class Seeds {
    /** What a stream is for; separate streams keep, e.g., the latent traits unchanged when the dirt changes. */
    enum Purpose {
        WORLD,
        TRAITS,
        BEHAVIOUR,
        DIRT
    }

    private Seeds() {
    }

    static SplittableRandom stream(long seed, long index, Purpose purpose) {
        return new SplittableRandom(mix(seed, index, purpose.ordinal() + 1L));
    }

    /** A 64-bit hash of the three parts (MurmurHash3's finaliser applied after each), well spread for any input. */
    static long mix(long seed, long index, long purpose) {
        long h = finalise(seed ^ 0x9E3779B97F4A7C15L);
        h = finalise(h ^ (index * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        return finalise(h ^ (purpose * 0xD6E8FEB86659FD93L));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
