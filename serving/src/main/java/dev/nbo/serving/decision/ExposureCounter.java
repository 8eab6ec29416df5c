package dev.nbo.serving.decision;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each offer was shown to each customer recently, for frequency caps. Fed with every served decision (and
 * with the decision log at start); entries older than the longest cap window are dropped as they are read.
 */
public final class ExposureCounter {
    private static final long DAY_MICROS = 86_400_000_000L;

    private final Map<String, Deque<Long>> exposures = new ConcurrentHashMap<>();

    public void record(String customerId, String offerId, long timeMicros) {
        Deque<Long> times = exposures.computeIfAbsent(customerId + "|" + offerId, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(timeMicros);
        }
    }

    /** Exposures of the offer to the customer in {@code (now - days, now]}. */
    public int count(String customerId, String offerId, int days, long nowMicros) {
        Deque<Long> times = exposures.get(customerId + "|" + offerId);
        if (times == null) {
            return 0;
        }
        long since = nowMicros - days * DAY_MICROS;
        synchronized (times) {
            return (int) times.stream().filter(t -> t > since && t <= nowMicros).count();
        }
    }

    /** Forgets a customer (GDPR erase). */
    public void erase(String customerId) {
        exposures.keySet().removeIf(key -> key.startsWith(customerId + "|"));
    }
}
