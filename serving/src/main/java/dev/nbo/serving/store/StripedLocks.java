package dev.nbo.serving.store;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks chosen by key hash: updates of one key are serialised, updates of different keys mostly run
 * in parallel, and memory stays bounded however many customers exist. Locks are in-process only.
 */
final class StripedLocks {
    private final ReentrantLock[] locks;

    StripedLocks(int stripes) {
        if (stripes < 1) {
            throw new IllegalArgumentException("need at least one lock stripe, got " + stripes);
        }
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock lockFor(String key) {
        return locks[Math.floorMod(key.hashCode() * 0x9E3779B9, locks.length)];
    }
}
