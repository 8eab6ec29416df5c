package dev.nbo.features.cli;

import dev.nbo.features.generate.GenerationSettings;
import dev.nbo.features.generate.WarehouseGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nbo generate}: a seeded synthetic warehouse, written without Spark. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {
                "Generates a synthetic warehouse: customers with latent tastes (by age, city, interests), 40 products"
                        + " per offer category, day-by-day browsing sessions, carts, orders and cancellations, and"
                        + " weekly email campaigns carrying the catalog's offers, plus realistic dirt (duplicates,"
                        + " late events, unknown ids) for validation to catch.",
                "Writes DIR/<table>/part-NNNNN.parquet for every warehouse table, DIR/offers.yaml (the catalog used)"
                        + " and DIR/generation.json (parameters, rows, dirt). The same --seed gives the same tables"
                        + " whatever --threads. See docs/synthetic-world.md.", ""},
        sortOptions = false)
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--customers", paramLabel = "N", defaultValue = "10000",
            description = "How many customers to simulate (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--days", paramLabel = "D", defaultValue = "365",
            description = "How many days to simulate from --start (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every random draw: the same seed gives the same warehouse (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The warehouse folder to write: new, empty, or an earlier generated warehouse (replaced).")
    Path out;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2025-01-01",
            description = "First simulated day, YYYY-MM-DD, UTC (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(names = "--offers", paramLabel = "FILE",
            description = "The offer catalog emails carry; every target must be a category or product of the world"
                    + " (default: config/offers.yaml).")
    Path offers;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads simulating chunks of 10,000 customers in parallel (default: the number of"
                    + " processors). Changes speed and memory, never the data.")
    Integer threads;

    @Override
    public Integer call() {
        GenerationSettings settings = new GenerationSettings(customers, days, seed, start,
                offers != null ? offers : ProjectPaths.config("offers.yaml"), out,
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        new WarehouseGenerator(System.out).generate(settings);
        return 0;
    }
}
