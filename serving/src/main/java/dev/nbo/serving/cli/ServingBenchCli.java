package dev.nbo.serving.cli;

import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.online.OnlineSnapshot;
import dev.nbo.serving.app.ServingConfig;
import dev.nbo.serving.app.ServingServer;
import dev.nbo.serving.store.StoreConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbo bench serving} and {@code nbo bench ingest}: the serving benchmarks, on the demo world. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Serving benchmarks on the demo world (run ./nbo demo first).",
        subcommands = {ServingBenchCli.Serving.class, ServingBenchCli.Ingest.class})
public final class ServingBenchCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new ServingBenchCli());
        commandLine.setExecutionExceptionHandler((e, cl, parse) -> {
            cl.getErr().println("nbo bench " + cl.getCommandName() + ": " + e.getMessage());
            return e instanceof IllegalArgumentException || e instanceof IllegalStateException ? 2 : 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options both benchmarks share: the served world and the load. */
    static class Common {
        @Option(names = "--config", paramLabel = "FILE", description = "serving.yaml (default: config/serving.yaml).")
        Path config;

        @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
                description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        int threads;

        Path configFile() {
            return config != null ? config : Path.of(System.getProperty("nbo.home", ".")).resolve(
                    "config/serving.yaml");
        }

        OnlineSnapshot snapshot() {
            ServingConfig serving = ServingConfig.load(configFile());
            return OnlineSnapshot.open(serving.onlineSnapshot(), FeatureSpec.load(serving.spec()));
        }

        /** The demo's configuration on a fresh store and logs in {@code work}, on a free port. */
        ServingConfig config(Path work) {
            return ServingConfig.load(configFile()).withPort(0)
                    .withStoreAndLogs(StoreConfig.embedded(work.resolve("online.mv")), work.resolve("logs"));
        }

        ServingServer start(ServingConfig serving, Path work) {
            System.out.println("Starting the service on " + configFile() + " (store, logs and bench files in "
                    + work + ") ...");
            return ServingServer.start(serving, new PrintStream(OutputStream.nullOutputStream()));
        }

        List<String> customers() {
            List<String> ids = new ArrayList<>();
            snapshot().forEachCustomer(c -> ids.add(c.profile().customerId()));
            return ids;
        }

        /** The customers an ESP would send marketing email to: those who did not opt out. */
        List<String> mailableCustomers() {
            List<String> ids = new ArrayList<>();
            snapshot().forEachCustomer(c -> {
                if (!Boolean.FALSE.equals(c.profile().marketingConsent())) {
                    ids.add(c.profile().customerId());
                }
            });
            return ids;
        }

        List<String> products() {
            return List.copyOf(snapshot().productCategories().keySet());
        }

        static Path temporary() {
            try {
                return Files.createTempDirectory("nbo-bench-serving-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "serving", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Drives the offers endpoint on loopback next to a trivial endpoint of the same server"
                    + " (/health, the ceiling): requests/s, p50, p99 and the ratio offers/ceiling, for the demo block"
                    + " recommended-for-you (19 candidates) and a bench copy of it ranking the demo's offers plus"
                    + " generated variants (76 candidates by default); then the wide block at half its maximum rate."
                    + " Customers who did not opt out, under a frequency cap too high to bind, so that every request"
                    + " is a scored decision (each phase prints the rows scored and the share of fallbacks)."
                    + " Built-in Java load generator, and wrk too when it is installed.", ""})
    static final class Serving extends Common implements Callable<Integer> {
        @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
                description = "Seconds per phase (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--variants", paramLabel = "N", defaultValue = "3",
                description = "Generated variants of each demo offer in the wide block's catalog: (N + 1) x 19"
                        + " candidates (default: ${DEFAULT-VALUE}, 76 candidates).")
        int variants;

        @Override
        public Integer call() {
            List<String> customers = mailableCustomers();
            Path work = temporary();
            ServingConfig bench = BenchWorld.write(config(work), work, variants);
            try (ServingServer server = start(bench, work)) {
                Optional<Wrk> wrk = Wrk.find(server.port(), ServeCommand.DEMO_KEY, threads, work);
                System.out.println(wrk.map(w -> "wrk found: phases run with the Java generator, then with "
                        + w.describe()).orElse("wrk not found: the Java generator only"));
                new LoadGenerator(server.port(), ServeCommand.DEMO_KEY, threads, System.out).compare(seconds,
                        BenchWorld.NARROW_BLOCK, BenchWorld.WIDE_BLOCK, customers, wrk);
            }
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Posts batches of 1,000 events to POST /v1/events (durable, applied to the online store)"
                    + " from several clients and prints durable events/s.", ""})
    static final class Ingest extends Common implements Callable<Integer> {
        @Option(names = "--batches", paramLabel = "N", defaultValue = "1000",
                description = "Batches of 1,000 events to post and measure (default: ${DEFAULT-VALUE}).")
        int batches;

        // after 100 batches the C2 compiler still took ~10 us of CPU per event (2026-11-30): a server runs for
        // hours, so the default measures it warm
        @Option(names = "--warmup", paramLabel = "N", defaultValue = "300",
                description = "Batches posted first and not counted, while the JIT compiles the path"
                        + " (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() {
            List<String> customers = customers();
            List<String> products = products();
            Path work = temporary();
            ServingServer server = start(config(work), work);
            LoadGenerator.Ingested ingested = null;
            long cpuBefore = 0;
            double drain;
            try {
                LoadGenerator load = new LoadGenerator(server.port(), ServeCommand.DEMO_KEY, threads, System.out);
                load.ingest("warm-up", warmup, customers, products);
                cpuBefore = processCpuNanos();
                ingested = load.ingest("measured", batches, customers, products);
            } finally {
                // closing waits for the applier to write every accepted event into the store and commit it
                long closing = System.nanoTime();
                server.close();
                drain = (System.nanoTime() - closing) / 1e9;
            }
            double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / ingested.events();
            System.out.printf("applied to the online store and committed %.1f s after the last 202 (server closed)%n",
                    drain);
            System.out.printf("durable and applied: %,.0f events/s (accepted events / (load + drain) seconds)%n",
                    ingested.events() / (ingested.seconds() + drain));
            System.out.printf("CPU of this JVM (server and clients): %.1f us per event, so at most %,.0f events/s"
                    + " on %d cores with nothing else running%n", cpuMicros,
                    Runtime.getRuntime().availableProcessors() * 1e6 / cpuMicros,
                    Runtime.getRuntime().availableProcessors());
            return 0;
        }

        private static long processCpuNanos() {
            return LoadGenerator.processCpuNanos();
        }
    }
}
