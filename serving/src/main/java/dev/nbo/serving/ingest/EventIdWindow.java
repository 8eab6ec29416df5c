package dev.nbo.serving.ingest;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the last {@code capacity} accepted events, for idempotency: memory stays bounded (about 100 bytes an id)
 * and an id older than the window is forgotten, so a retry that late would be accepted again. Not thread-safe.
 */
final class EventIdWindow {
    private final int capacity;
    private final Set<String> ids = new HashSet<>();
    private final ArrayDeque<String> order = new ArrayDeque<>();

    EventIdWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the event id window must hold at least 1 id; got " + capacity);
        }
        this.capacity = capacity;
    }

    boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    void add(String eventId) {
        if (ids.add(eventId)) {
            order.addLast(eventId);
            if (order.size() > capacity) {
                ids.remove(order.removeFirst());
            }
        }
    }

    int capacity() {
        return capacity;
    }
}
