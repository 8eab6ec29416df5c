package dev.nbo.serving.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class ExposureCounterTest {
    private static final long DAY = 86_400_000_000L;
    private static final long START = 20_000 * DAY;

    @Test
    void countsTheExposuresInsideTheWindow() {
        ExposureCounter counter = new ExposureCounter(7);
        counter.record("c1", "o1", START);
        counter.record("c1", "o1", START + 3 * DAY);
        counter.record("c1", "o2", START + 3 * DAY);
        counter.record("c2", "o1", START + 3 * DAY);

        assertThat(counter.count("c1", "o1", 7, START + 3 * DAY)).isEqualTo(2);
        assertThat(counter.count("c1", "o1", 2, START + 3 * DAY)).isEqualTo(1);
        // the window is (now - days, now]: the first send is exactly 7 days before
        assertThat(counter.count("c1", "o1", 7, START + 7 * DAY)).isEqualTo(1);
        assertThat(counter.count("c1", "o3", 7, START + 3 * DAY)).isZero();
        assertThat(counter.count("c3", "o1", 7, START + 3 * DAY)).isZero();
    }

    @Test
    void aCustomerShownTheSameOfferForYearsKeepsOnlyTheHorizon() {
        ExposureCounter counter = new ExposureCounter(7);
        for (int day = 0; day < 3 * 365; day++) {
            counter.record("c1", "o1", START + day * DAY);
        }
        long now = START + (3 * 365 - 1) * DAY;

        assertThat(counter.count("c1", "o1", 7, now)).isEqualTo(7);
        // a full array drops what expired before it grows: at most twice the horizon's sends stay
        assertThat(counter.kept()).isBetween(7L, 14L);
    }

    @Test
    void forgettingDropsCustomersWithNothingLeftInTheHorizon() {
        ExposureCounter counter = new ExposureCounter(7);
        counter.record("old", "o1", START);
        counter.record("recent", "o1", START);
        counter.record("recent", "o2", START + 10 * DAY);

        assertThat(counter.forgetBefore(START + 10 * DAY)).isEqualTo(1);

        assertThat(counter.customers()).isEqualTo(1);
        assertThat(counter.kept()).isEqualTo(1);
        assertThat(counter.count("recent", "o2", 7, START + 10 * DAY)).isEqualTo(1);
        // a forgotten customer is counted afresh when shown again
        counter.record("old", "o1", START + 11 * DAY);
        assertThat(counter.count("old", "o1", 7, START + 11 * DAY)).isEqualTo(1);
    }

    @Test
    void noExposureIsLostWhileForgettingRunsAlongside() throws Exception {
        ExposureCounter counter = new ExposureCounter(1);
        int threads = 3;
        int perThread = 100_000;
        // each recorder's clock moves on two days a send, so that its customers' earlier sends expire and the sweep
        // keeps dropping the customers being recorded; the sweep's now is the slowest recorder's, never past a send
        // being recorded
        AtomicLongArray clocks = new AtomicLongArray(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> recorders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                clocks.set(thread, START);
                recorders.add(pool.submit(() -> {
                    go.await();
                    int lost = 0;
                    for (int i = 0; i < perThread; i++) {
                        long now = START + i * 2 * DAY;
                        clocks.set(thread, now);
                        String customer = "t" + thread + "-" + (i % 4);
                        counter.record(customer, "o", now);
                        lost += 1 - counter.count(customer, "o", 1, now);
                    }
                    return lost;
                }));
            }
            Future<?> forgetter = pool.submit(() -> {
                go.await();
                while (recorders.stream().anyMatch(f -> !f.isDone())) {
                    long slowest = Long.MAX_VALUE;
                    for (int t = 0; t < threads; t++) {
                        slowest = Math.min(slowest, clocks.get(t));
                    }
                    counter.forgetBefore(slowest);
                }
                return null;
            });
            go.countDown();
            int lost = 0;
            for (Future<Integer> recorder : recorders) {
                lost += recorder.get(60, TimeUnit.SECONDS);
            }
            forgetter.get(60, TimeUnit.SECONDS);
            assertThat(lost).as("sends recorded into a customer the sweep had just dropped").isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutCapsNothingIsKept() {
        ExposureCounter counter = new ExposureCounter(0);
        counter.record("c1", "o1", START);

        assertThat(counter.customers()).isZero();
        assertThatThrownBy(() -> counter.count("c1", "o1", 7, START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("horizon of 0 days");
    }
}
