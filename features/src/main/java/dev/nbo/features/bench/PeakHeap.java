package dev.nbo.features.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak heap occupancy during a phase of a benchmark, sampled every 50 ms from the whole heap (the pools' own
 * peak counters would add peaks reached at different moments). Spark runs in the same JVM in local mode, so this
 * covers its executors too. Occupancy includes garbage not yet collected.
 */
final class PeakHeap implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private PeakHeap() {
        sampler = new Thread(this::sample, "peak-heap-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling after a collection, so that the phase starts from live data only. */
    static PeakHeap start() {
        System.gc();
        PeakHeap heap = new PeakHeap();
        heap.sampler.start();
        return heap;
    }

    private void sample() {
        while (running) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long bytes() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return peak.get();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
