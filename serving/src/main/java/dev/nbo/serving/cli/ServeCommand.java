package dev.nbo.serving.cli;

import dev.nbo.serving.app.ServingConfig;
import dev.nbo.serving.app.ServingServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbo serve}: starts the HTTP API and runs until stopped (Ctrl-C or SIGTERM closes it cleanly). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the NBO HTTP API: ranked offers and rendered email blocks for the ESP, event ingestion,"
                + " profiles, models. Loads the registry's champion, the online snapshot into the online store, the"
                + " offers, blocks and rules, and refuses to start, saying what to fix, when any is invalid or they do"
                + " not fit together. See docs/serving.md.", ""})
public final class ServeCommand implements Callable<Integer> {
    /** The key the shipped demo config accepts; printed by --demo. Not a secret: change it for anything real. */
    static final String DEMO_KEY = "nbo-demo-key";

    @Option(names = "--config", paramLabel = "FILE",
            description = "serving.yaml (default: config/serving.yaml, the demo world).")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", description = "Listen on this port instead of the config's.")
    Integer port;

    @Option(names = "--demo", hidden = true, description = "Print curl commands for the demo world.")
    boolean demo;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new ServeCommand());
        commandLine.setExecutionExceptionHandler((e, cl, parse) -> {
            PrintWriter err = cl.getErr();
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                err.println("nbo serve: " + e.getMessage());
                err.flush();
                return 2;
            }
            err.println("nbo serve failed: " + e);
            e.printStackTrace(err);
            return 1;
        });
        int code = commandLine.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Path file = config != null ? config : Path.of(System.getProperty("nbo.home", ".")).resolve(
                "config/serving.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cannot find " + file + "; pass --config FILE (see docs/serving.md)");
        }
        ServingConfig serving = ServingConfig.load(file);
        if (port != null) {
            serving = serving.withPort(port);
        }
        ServingServer server = ServingServer.start(serving, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nbo-shutdown"));
        if (demo) {
            printDemoCommands(server.port());
        }
        System.out.println("Ready. Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }

    private static void printDemoCommands(int port) {
        String base = "http://localhost:" + port;
        String auth = "-H 'Authorization: Bearer " + DEMO_KEY + "'";
        System.out.println();
        System.out.println("Try it (the demo key is " + DEMO_KEY + "; customer ids are C0001 ... C3000):");
        System.out.println("  curl -s " + auth + " '" + base
                + "/v1/customers/C0042/offers?block=recommended-for-you&explain=true'");
        System.out.println("  curl -s " + auth + " '" + base + "/v1/customers/C0042/blocks/near-you.html'");
        System.out.println("  curl -s " + auth + " -H 'Content-Type: application/json' -X POST " + base
                + "/v1/offers:batch -d '{\"block\":\"complete-your-kit\",\"customerIds\":[\"C0001\",\"C0002\",\"NOT-A-CUSTOMER\"]}'");
        System.out.println("  curl -s " + auth + " " + base + "/v1/models");
        System.out.println("  curl -s " + base + "/metrics | grep nbo_");
        System.out.println("  curl -s " + base + "/openapi.json");
        System.out.println();
    }
}
