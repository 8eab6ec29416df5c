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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

        /** The demo's service on a fresh store and logs in a temporary folder, on a free port. */
        ServingServer start(Path work) {
            Path file = configFile();
            ServingConfig serving = ServingConfig.load(file).withPort(0)
                    .withStoreAndLogs(StoreConfig.embedded(work.resolve("online.mv")), work.resolve("logs"));
            System.out.println("Starting the service on " + file + " (store and logs in " + work + ") ...");
            return ServingServer.start(serving, new PrintStream(OutputStream.nullOutputStream()));
        }

        List<String> customers() {
            List<String> ids = new ArrayList<>();
            snapshot().forEachCustomer(c -> ids.add(c.profile().customerId()));
            return ids;
        }

        List<String> products() {
            return List.copyOf(snapshot().productCategories().keySet());
        }

        /** Starts the service, runs {@code load} against it, stops it; the exit code. */
        int drive(java.util.function.Consumer<LoadGenerator> load) {
            try (ServingServer server = start(temporary())) {
                load.accept(new LoadGenerator(server.port(), ServeCommand.DEMO_KEY, threads, System.out));
            }
            return 0;
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
            description = {"Drives the offers endpoint on loopback with a built-in Java load generator next to a"
                    + " trivial endpoint of the same server (/health, the ceiling): requests/s, p50, p99 and the ratio"
                    + " offers/ceiling; then the offers endpoint at half its maximum rate (p50, p99).", ""})
    static final class Serving extends Common implements Callable<Integer> {
        @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
                description = "Seconds per phase (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--block", paramLabel = "ID", defaultValue = "recommended-for-you",
                description = "The block to ask for (default: ${DEFAULT-VALUE}).")
        String block;

        @Override
        public Integer call() {
            List<String> customers = customers();
            return drive(load -> load.compare(seconds, block, customers));
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Posts batches of 1,000 events to POST /v1/events (durable, applied to the online store)"
                    + " from several clients and prints durable events/s.", ""})
    static final class Ingest extends Common implements Callable<Integer> {
        @Option(names = "--batches", paramLabel = "N", defaultValue = "100",
                description = "Batches of 1,000 events to post (default: ${DEFAULT-VALUE}).")
        int batches;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "30",
                description = "Batches posted first and not counted, while the JIT compiles the path"
                        + " (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Override
        public Integer call() {
            List<String> customers = customers();
            List<String> products = products();
            ServingServer server = start(temporary());
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
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
