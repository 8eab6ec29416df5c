package dev.nbo.training.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.features.generate.World;
import dev.nbo.models.offer.OfferCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The synthetic world a generated warehouse came from, rebuilt from its {@code generation.json} (seed, customers,
 * start, days) and the offer catalog the generator copied beside the tables: the same latent customers, so that a
 * simulation draws from the truth behind the data the model learnt from.
 */
public final class WarehouseWorld {
    static final String REPORT = "generation.json";
    static final String OFFERS = "offers.yaml";

    private WarehouseWorld() {
    }

    /** Refuses a folder without a complete {@code generation.json}, saying what to run. */
    public static World load(Path warehouse) {
        Path report = warehouse.resolve(REPORT);
        if (!Files.isRegularFile(report)) {
            throw new IllegalArgumentException(warehouse + " has no " + REPORT + ": the simulation rebuilds the"
                    + " customers of a warehouse made by ./nbo generate (or ./nbo demo). Run ./nbo generate --out "
                    + warehouse + " (or ./nbo demo) first, or pass --warehouse with such a folder");
        }
        JsonNode json = read(report);
        if (!"complete".equals(json.path("status").asText())) {
            throw new IllegalArgumentException(report + " says status '" + json.path("status").asText()
                    + "', not 'complete': the generation did not finish; run ./nbo generate --out " + warehouse
                    + " again");
        }
        JsonNode parameters = json.path("parameters");
        int customers = integer(report, parameters, "customers");
        int days = integer(report, parameters, "days");
        if (!parameters.path("seed").isIntegralNumber() || !parameters.path("seed").canConvertToLong()) {
            throw new IllegalArgumentException(report + ": parameters.seed must be an integer, got "
                    + parameters.path("seed"));
        }
        long seed = parameters.path("seed").asLong();
        LocalDate start;
        try {
            start = LocalDate.parse(parameters.path("start").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(report + ": parameters.start must be a date (2025-01-01), got "
                    + parameters.path("start"), e);
        }
        return World.create(seed, customers, start, days, OfferCatalog.load(offers(warehouse, report, parameters)));
    }

    /** The generator's copy of the catalog beside the tables, else the file generation.json names. */
    private static Path offers(Path warehouse, Path report, JsonNode parameters) {
        Path copy = warehouse.resolve(OFFERS);
        if (Files.isRegularFile(copy)) {
            return copy;
        }
        Path named = Path.of(parameters.path("offers").asText(""));
        if (parameters.path("offers").isTextual() && Files.isRegularFile(named)) {
            return named;
        }
        throw new IllegalArgumentException(warehouse + " has no " + OFFERS + " and " + report + " names "
                + parameters.path("offers") + ", which is not a file: regenerate the warehouse with ./nbo generate");
    }

    private static int integer(Path report, JsonNode parameters, String field) {
        JsonNode value = parameters.path(field);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(report + ": parameters." + field + " must be an integer, got " + value);
        }
        return value.asInt();
    }

    private static JsonNode read(Path report) {
        try {
            return new ObjectMapper().readTree(report.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(report + " is not valid JSON (" + e.getOriginalMessage()
                    + "): regenerate the warehouse with ./nbo generate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + report, e);
        }
    }
}
