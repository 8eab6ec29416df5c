package dev.nbo.training.simulate;

import dev.nbo.features.cli.ProjectPaths;
import dev.nbo.features.cli.Versions;
import dev.nbo.features.generate.World;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbo simulate-experiment}: a simulated e-mail campaign on the synthetic world against a running server. */
@Command(name = "simulate-experiment", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = {"Acts as the e-mail service provider of the synthetic world against a running server"
                + " (./nbo serve): in each send round, asks the server for every customer's offers (POST /v1/offers:batch, 1,000 at a"
                + " time), draws from the customer's TRUE behaviour (the generator's latent open rate, click"
                + " probability by category affinity and discount, and conversion) whether the e-mail is opened,"
                + " which offers are clicked and whether a click ends in a purchase, and posts those events"
                + " (POST /v1/events) with the decision's request id, stamped at serving time.",
                "Prints a line per round and the sends, opens, clicks, purchases and revenue per experiment arm."
                        + " The A/B report comes from ./nbo export-logs and ./nbo report (docs/experiments-demo.md).",
                ""},
        sortOptions = false)
public final class SimulateExperimentCommand implements Callable<Integer> {
    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://127.0.0.1:7070",
            description = "The running server (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "nbo-demo-key",
            description = "API key with scopes offers:read and events:write (default: the demo's, ${DEFAULT-VALUE}).")
    String key;

    @Option(names = "--warehouse", paramLabel = "DIR",
            description = "The generated warehouse the server's world came from; its generation.json rebuilds the"
                    + " customers (default: nbo-work/demo/warehouse under the project).")
    Path warehouse;

    @Option(names = "--block", paramLabel = "ID", defaultValue = "recommended-for-you",
            description = "The e-mail block to fill (default: ${DEFAULT-VALUE}).")
    String block;

    @Option(names = "--sends", paramLabel = "N", defaultValue = "2",
            description = "Send rounds: every customer gets one e-mail per round (default: ${DEFAULT-VALUE}).")
    int sends;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7",
            description = "Seed of the customers' draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--customers", paramLabel = "all|N", defaultValue = "all",
            description = "E-mail every customer of the world, or the first N (default: ${DEFAULT-VALUE}).")
    String customers;

    @Option(names = "--clock", paramLabel = "snapshot|wall", defaultValue = "snapshot",
            description = "The server's clock setting in serving.yaml: snapshot (serving time starts at the online"
                    + " snapshot's as-of time; the demo's) or wall (default: ${DEFAULT-VALUE}).")
    String clock;

    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "The server's online snapshot, for --clock snapshot (default: features/online beside the"
                    + " warehouse, as ./nbo demo lays it out).")
    Path snapshot;

    @Override
    public Integer call() {
        Path warehouseDir = warehouse != null ? warehouse : ProjectPaths.home().resolve("nbo-work/demo/warehouse");
        int customerCount = customerCount(customers);
        ExperimentSimulation.Settings settings = new ExperimentSimulation.Settings(block, sends, seed, customerCount);
        ServingClient client = new ServingClient(uri(server), key);
        World world = WarehouseWorld.load(warehouseDir);
        Optional<Instant> asOf = snapshotAsOf(warehouseDir);
        client.checkReady();
        // counted from now, when the server is ready, so the reading is never ahead of the server's own clock
        ServingClock servingClock = asOf.map(t -> ServingClock.startingAt(t, Clock.systemUTC()))
                .orElseGet(() -> ServingClock.wall(Clock.systemUTC()));
        System.out.printf("Simulating %d send%s to %,d customers of %s on %s (block %s, seed %d, serving time %s)%n",
                sends, sends == 1 ? "" : "s", customerCount == 0 ? world.customers() : customerCount, warehouseDir,
                server, block, seed, servingClock.now().truncatedTo(ChronoUnit.MILLIS));
        new ExperimentSimulation(world, client, servingClock, System.out).run(settings).print(System.out);
        return 0;
    }

    /** The snapshot's as-of instant under {@code --clock snapshot}; empty under {@code --clock wall}. */
    private Optional<Instant> snapshotAsOf(Path warehouseDir) {
        return switch (clock.toLowerCase(Locale.ROOT)) {
            case "snapshot" -> Optional.of(ServingClock.asOf(snapshot != null ? snapshot
                    : warehouseDir.toAbsolutePath().getParent().resolve("features/online")));
            case "wall" -> Optional.empty();
            default -> throw new IllegalArgumentException("--clock must be snapshot or wall, got '" + clock + "'");
        };
    }

    static int customerCount(String value) {
        if (value.equalsIgnoreCase("all")) {
            return 0;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new IllegalArgumentException("--customers must be 'all' or a number of customers (1 or more), got '"
                + value + "'");
    }

    static URI uri(String server) {
        try {
            URI uri = new URI(server);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(server, "not an http(s) address with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server must be an address like http://127.0.0.1:7070, got '" + server
                    + "'");
        }
    }
}
