package dev.nbo.serving.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small HTTP load generator on loopback: closed-loop clients (each sends its next request when the previous one
 * is answered) for throughput, and paced clients (requests at fixed intended times, latency measured from the
 * intended time so that a stall is not hidden) for latency at a given rate.
 */
final class LoadGenerator {
    /** The name of Javalin's Jetty thread pool's threads. */
    private static final String HTTP_THREAD_PREFIX = "JettyServerThreadPool";

    private final String base;
    private final String key;
    private final int threads;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LoadGenerator(int port, String key, int threads, PrintStream out) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
        this.threads = threads;
        this.out = out;
    }

    /**
     * One phase's figures: requests/s, failed requests, the median and 99th percentile latency, the CPU this JVM
     * used per request (the server's alone when wrk drives it; the server's and the Java clients' otherwise), and the
     * CPU of the server's HTTP threads alone per request (parsing, routing, the handler, writing the answer; not GC,
     * the JIT or background threads), and of that the CPU in ONNX Runtime calls (from the server's metrics).
     * Other jobs on a shared machine disturb the CPU figures much less than the rates.
     */
    record Result(String what, double perSecond, long errors, double p50Millis, double p99Millis,
                  double cpuMicrosPerRequest, double httpThreadMicrosPerRequest, double onnxMicrosPerRequest,
                  double rowsPerRequest, double fallbackPercent) {
        static Result of(String what, long requests, long errors, double seconds, long[] latencies) {
            return new Result(what, requests / seconds, errors, percentileMillis(latencies, 0.5),
                    percentileMillis(latencies, 0.99), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }

        static Result ofPercentiles(String what, double perSecond, long errors, double p50Millis, double p99Millis) {
            return new Result(what, perSecond, errors, p50Millis, p99Millis, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }

        Result withCpu(long cpuNanos, long httpThreadNanos, ServerCounters phase, double seconds) {
            double requests = perSecond * seconds;
            return new Result(what, perSecond, errors, p50Millis, p99Millis, cpuNanos / 1e3 / requests,
                    httpThreadNanos / 1e3 / requests, phase.onnxSeconds() * 1e6 / requests,
                    phase.propensityRows() / requests,
                    phase.decisions() == 0 ? Double.NaN : 100 * phase.fallbacks() / phase.decisions());
        }

        private static double percentileMillis(long[] latencies, double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
        }
    }

    /**
     * The serving benchmark: the ceiling (/health), the offers endpoint on a narrow and a wide block, the wide one at
     * half its maximum rate (paced, Java generator); with wrk, the three closed-loop phases again from wrk.
     */
    void compare(int seconds, String narrowBlock, String wideBlock, List<String> customers, Optional<Wrk> wrk) {
        List<String> narrow = customers.stream().map(c -> "/v1/customers/" + c + "/offers?block=" + narrowBlock)
                .toList();
        List<String> wide = customers.stream().map(c -> "/v1/customers/" + c + "/offers?block=" + wideBlock)
                .toList();
        closedLoop("warm-up", Math.max(2, seconds / 2), pick(narrow));
        closedLoop("warm-up", Math.max(2, seconds / 2), pick(wide));
        List<Result> results = new ArrayList<>();
        Result ceiling = withCpu(() -> closedLoop("GET /health (ceiling)", seconds, random -> "/health"), seconds);
        Result ranked = withCpu(() -> closedLoop("GET offers, " + narrowBlock, seconds, pick(narrow)), seconds);
        Result rankedWide = withCpu(() -> closedLoop("GET offers, " + wideBlock, seconds, pick(wide)), seconds);
        results.addAll(List.of(ceiling, ranked, rankedWide));
        results.add(paced("GET offers, " + wideBlock + ", half max rate", seconds, rankedWide.perSecond() / 2,
                pick(wide)));
        Optional<Result[]> fromWrk = wrk.map(w -> new Result[] {
            withCpu(() -> w.run("GET /health (ceiling)", seconds, List.of("/health")), seconds),
            withCpu(() -> w.run("GET offers, " + narrowBlock, seconds, narrow), seconds),
            withCpu(() -> w.run("GET offers, " + wideBlock, seconds, wide), seconds)});
        fromWrk.ifPresent(r -> results.addAll(List.of(r)));

        out.printf("%n%-52s %10s %8s %10s %10s %12s %12s %12s %9s %10s%n", "", "requests/s", "errors", "p50 (ms)",
                "p99 (ms)", "CPU us/req", "HTTP thr us", "ONNX us/req", "rows/req", "fallback %");
        for (Result r : results) {
            out.printf("%-52s %10.0f %8d %10.2f %10.2f %12.0f %12.0f %12.0f %9.1f %10.1f%n", r.what(), r.perSecond(),
                    r.errors(), r.p50Millis(), r.p99Millis(), r.cpuMicrosPerRequest(), r.httpThreadMicrosPerRequest(),
                    r.onnxMicrosPerRequest(), r.rowsPerRequest(), r.fallbackPercent());
        }
        out.println("rows/req: candidates the propensity model scored per request; fallback %: decisions that fell back"
                + " (scoring nothing)");
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("ratio offers / ceiling, Java generator (%d clients, %d cores): %.2f (%s), %.2f (%s)%n", threads,
                cores, ranked.perSecond() / ceiling.perSecond(), narrowBlock,
                rankedWide.perSecond() / ceiling.perSecond(), wideBlock);
        fromWrk.ifPresent(r -> out.printf("ratio offers / ceiling, %s: %.2f (%s), %.2f (%s)%n",
                wrk.get().describe(), r[1].perSecond() / r[0].perSecond(), narrowBlock,
                r[2].perSecond() / r[0].perSecond(), wideBlock));
        fromWrk.ifPresent(r -> out.println(RatioBudget.of(r[0], r[2], cores).describe("wrk", wideBlock)));
    }

    private Result withCpu(java.util.function.Supplier<Result> phase, int seconds) {
        ServerCounters countersBefore = serverCounters();
        long before = processCpuNanos();
        long httpBefore = httpThreadsCpuNanos();
        Result result = phase.get();
        long cpu = processCpuNanos() - before;
        long http = httpThreadsCpuNanos() - httpBefore;
        return result.withCpu(cpu, http, serverCounters().minus(countersBefore), seconds);
    }

    /**
     * Server counters read from /metrics: the CPU seconds its request threads spent in ONNX Runtime (all models), the
     * rows the propensity model scored, and the decisions served, with those that fell back (unknown or opted-out
     * customer, no eligible offer left: a fallback scores nothing, so a phase full of them would flatter the offers
     * endpoint).
     */
    record ServerCounters(double onnxSeconds, double propensityRows, double decisions, double fallbacks) {
        ServerCounters minus(ServerCounters before) {
            return new ServerCounters(onnxSeconds - before.onnxSeconds, propensityRows - before.propensityRows,
                    decisions - before.decisions, fallbacks - before.fallbacks);
        }

        static ServerCounters parse(String metrics) {
            double onnx = 0;
            double rows = 0;
            double decisions = 0;
            double fallbacks = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("nbo_model_scoring_cpu_seconds_total{")) {
                    onnx += value(line);
                } else if (line.startsWith("nbo_model_scored_rows_total{model=\"propensity\"}")) {
                    rows += value(line);
                } else if (line.startsWith("nbo_decisions_total{")) {
                    decisions += value(line);
                    if (!line.contains("fallback=\"none\"")) {
                        fallbacks += value(line);
                    }
                }
            }
            return new ServerCounters(onnx, rows, decisions, fallbacks);
        }

        private static double value(String line) {
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
    }

    private ServerCounters serverCounters() {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET());
        if (metrics == null || metrics.statusCode() != 200) {
            return new ServerCounters(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return ServerCounters.parse(metrics.body());
    }

    /**
     * The CPU time used so far by the server's HTTP threads (Javalin's Jetty pool: selectors, acceptors and request
     * handlers). A pool thread that ends during a phase takes its time with it, so the figure can only be low.
     */
    static long httpThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(HTTP_THREAD_PREFIX)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Function<SplittableRandom, String> pick(List<String> paths) {
        return random -> paths.get(random.nextInt(paths.size()));
    }

    /** What an ingestion run posted: accepted events and the seconds from the first post to the last 202. */
    record Ingested(long events, double seconds) {
    }

    Ingested ingest(String idPrefix, int batches, List<String> customers, List<String> products) {
        AtomicLong next = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(next.get() * 31 + Thread.currentThread().getId());
                long batch;
                while ((batch = next.getAndIncrement()) < batches) {
                    StringBuilder body = new StringBuilder(160_000).append('[');
                    String now = java.time.Instant.now().toString();
                    for (int i = 0; i < 1000; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"event_id\":\"").append(idPrefix).append('-')
                                .append(batch).append('-').append(i).append("\",\"customer_id\":\"")
                                .append(customers.get(random.nextInt(customers.size())))
                                .append("\",\"time\":\"").append(now)
                                .append("\",\"type\":\"page_view\",\"product_id\":\"")
                                .append(products.get(random.nextInt(products.size()))).append("\"}");
                    }
                    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/events"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.append(']').toString())));
                    if (response != null && response.statusCode() == 202) {
                        events.addAndGet(1000);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        await(clients);
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("%s: %,d events in %d batches of 1,000 from %d clients: %.1f s, %,.0f durable events/s, %d failed"
                + " batches%n", idPrefix, events.get(), batches, threads, seconds, events.get() / seconds,
                errors.get());
        return new Ingested(events.get(), seconds);
    }

    private Result closedLoop(String what, int seconds, Function<SplittableRandom, String> path) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<long[]>> clients = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int seed = t;
            clients.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < until) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = get(path.apply(random));
                    if (response == null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = merge(clients);
        pool.shutdown();
        return Result.of(what, all.length, errors.get(), (System.nanoTime() - start) / 1e9, all);
    }

    private Result paced(String what, int seconds, double rate, Function<SplittableRandom, String> path) {
        long interval = (long) (1e9 * threads / Math.max(rate, 1));
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int seed = 100 + t;
            long offset = interval * t / threads;
            clients.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] latencies = new long[1024];
                int n = 0;
                for (long intended = start + offset; intended < until; intended += interval) {
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    HttpResponse<String> response = get(path.apply(random));
                    if (response == null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - intended;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = merge(clients);
        pool.shutdown();
        return Result.of(what + String.format(" (%.0f/s)", rate), all.length, errors.get(),
                (System.nanoTime() - start) / 1e9, all);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long[] merge(List<Future<long[]>> clients) {
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> client : clients) {
            try {
                parts.add(client.get());
            } catch (Exception e) {
                throw new IllegalStateException("a load client failed: " + e, e);
            }
        }
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static void await(List<Future<?>> clients) {
        for (Future<?> client : clients) {
            try {
                client.get();
            } catch (Exception e) {
                throw new IllegalStateException("a load client failed: " + e, e);
            }
        }
    }
}
