package dev.nbo.serving.decision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each offer was shown to each customer, for frequency caps. Fed with every served decision (and with the
 * decision log at start). Read once per candidate offer of every decision, so the lookup is two map reads with the
 * ids as they come and a scan of that offer's times, with no key built and nothing allocated.
 */
public final class ExposureCounter {
    private static final long DAY_MICROS = 86_400_000_000L;

    /** customer id → offer id → the times the offer was shown, in the order they were recorded. */
    private final Map<String, Map<String, Times>> exposures = new ConcurrentHashMap<>();

    /** A growable array of times; guarded by its own monitor. */
    private static final class Times {
        private long[] micros = new long[4];
        private int size;

        synchronized void add(long time) {
            if (size == micros.length) {
                micros = java.util.Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = time;
        }

        synchronized int countIn(long sinceExclusive, long untilInclusive) {
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (micros[i] > sinceExclusive && micros[i] <= untilInclusive) {
                    count++;
                }
            }
            return count;
        }
    }

    public void record(String customerId, String offerId, long timeMicros) {
        exposures.computeIfAbsent(customerId, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(offerId, o -> new Times())
                .add(timeMicros);
    }

    /** Exposures of the offer to the customer in {@code (now - days, now]}. */
    public int count(String customerId, String offerId, int days, long nowMicros) {
        Map<String, Times> offers = exposures.get(customerId);
        Times times = offers == null ? null : offers.get(offerId);
        return times == null ? 0 : times.countIn(nowMicros - days * DAY_MICROS, nowMicros);
    }

    /** Forgets a customer (GDPR erase). */
    public void erase(String customerId) {
        exposures.remove(customerId);
    }
}
