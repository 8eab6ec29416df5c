package dev.nbo.training.bench;

import java.util.Arrays;

/** Timings of repeated calls, summarised as median and 99th percentile in microseconds. */
record LatencySample(String what, int calls, double p50Micros, double p99Micros) {

    static LatencySample of(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySample(what, sorted.length, sorted[sorted.length / 2] / 1e3,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e3);
    }
}
