package dev.nbo.serving.decision;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each offer was shown to each customer, for frequency caps. Fed with every served decision (and with the
 * decision log at start). Read once per candidate offer of every decision, so the lookup is two map reads with the
 * ids as they come and a scan of that offer's times, with no key built and nothing allocated.
 *
 * <p>Only the longest cap window (the horizon) is kept: a list mailed every week would otherwise keep every send of
 * the server's lifetime in memory. A customer's times older than the horizon go when that customer is shown the
 * offer again; {@link #forgetBefore} drops the customers not shown anything since (the server calls it hourly).
 */
public final class ExposureCounter {
    private static final long DAY_MICROS = 86_400_000_000L;

    private final int horizonDays;
    private final long horizonMicros;
    /** customer id → offer id → the times the offer was shown, in the order they were recorded. */
    private final Map<String, Customer> exposures = new ConcurrentHashMap<>();

    /**
     * Keeps exposures for caps of up to {@code horizonDays} days (the longest {@code per_days} of any block); 0 keeps
     * none, for a server whose blocks cap nothing.
     */
    public ExposureCounter(int horizonDays) {
        if (horizonDays < 0) {
            throw new IllegalArgumentException("the horizon is " + horizonDays + " days; it must be 0 or more");
        }
        this.horizonDays = horizonDays;
        this.horizonMicros = horizonDays * DAY_MICROS;
    }

    /** One customer's times by offer. Recording and forgetting hold its monitor; counting reads it without. */
    private static final class Customer {
        private final Map<String, Times> byOffer = new ConcurrentHashMap<>();
        /** Set when {@link #forgetBefore} removed this customer: a late record must find its replacement. */
        private boolean detached;
    }

    /** A growable array of times; guarded by its own monitor. */
    private static final class Times {
        private long[] micros = new long[4];
        private int size;

        /** Adds the time, first dropping the times at or before {@code expired} when the array is full. */
        synchronized void add(long time, long expired) {
            if (size == micros.length) {
                dropAtOrBefore(expired);
                if (size == micros.length) {
                    micros = Arrays.copyOf(micros, size * 2);
                }
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

        /** Drops the times at or before {@code expired}; true when none is left. */
        synchronized boolean emptyAfterDropping(long expired) {
            dropAtOrBefore(expired);
            return size == 0;
        }

        synchronized int size() {
            return size;
        }

        private void dropAtOrBefore(long expired) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (micros[i] > expired) {
                    micros[kept++] = micros[i];
                }
            }
            size = kept;
            if (micros.length > 4 && size < micros.length / 4) {
                micros = Arrays.copyOf(micros, Math.max(4, micros.length / 2));
            }
        }
    }

    public void record(String customerId, String offerId, long timeMicros) {
        if (horizonDays == 0) {
            return;
        }
        long expired = timeMicros - horizonMicros;
        while (true) {
            Customer customer = exposures.computeIfAbsent(customerId, c -> new Customer());
            synchronized (customer) {
                if (!customer.detached) {
                    customer.byOffer.computeIfAbsent(offerId, o -> new Times()).add(timeMicros, expired);
                    return;
                }
            }
            // forgetBefore dropped this customer between the lookup and the lock: the next lookup makes a new one
        }
    }

    /** Exposures of the offer to the customer in {@code (now - days, now]}; {@code days} at most the horizon. */
    public int count(String customerId, String offerId, int days, long nowMicros) {
        return shown(customerId).count(offerId, days, nowMicros);
    }

    /** The offers shown to one customer, looked up once for all the candidates of a decision. */
    public Shown shown(String customerId) {
        Customer customer = exposures.get(customerId);
        return (offerId, days, nowMicros) -> {
            if (days > horizonDays) {
                throw new IllegalArgumentException("a cap of " + days + " days, beyond this counter's horizon of "
                        + horizonDays + " days: build it with the longest cap of the blocks");
            }
            Times times = customer == null ? null : customer.byOffer.get(offerId);
            return times == null ? 0 : times.countIn(nowMicros - days * DAY_MICROS, nowMicros);
        };
    }

    /** See {@link #shown}. */
    @FunctionalInterface
    public interface Shown {
        /** Exposures of the offer in {@code (now - days, now]}; {@code days} at most the counter's horizon. */
        int count(String offerId, int days, long nowMicros);
    }

    /**
     * Drops the exposures no cap reads any more at {@code nowMicros} (older than the horizon), and the customers left
     * with none. Safe while decisions record and count.
     *
     * @return the number of customers dropped
     */
    public int forgetBefore(long nowMicros) {
        long expired = nowMicros - horizonMicros;
        int dropped = 0;
        for (Map.Entry<String, Customer> entry : exposures.entrySet()) {
            Customer customer = entry.getValue();
            synchronized (customer) {
                customer.byOffer.values().removeIf(times -> times.emptyAfterDropping(expired));
                if (customer.byOffer.isEmpty()) {
                    customer.detached = true;
                    exposures.remove(entry.getKey(), customer);
                    dropped++;
                }
            }
        }
        return dropped;
    }

    /** The customers with at least one kept exposure (for tests). */
    public int customers() {
        return exposures.size();
    }

    /** The exposures kept, over all customers and offers (for tests). */
    public long kept() {
        long kept = 0;
        for (Customer customer : exposures.values()) {
            for (Times times : customer.byOffer.values()) {
                kept += times.size();
            }
        }
        return kept;
    }

    /** Forgets a customer (GDPR erase). */
    public void erase(String customerId) {
        exposures.remove(customerId);
    }
}
