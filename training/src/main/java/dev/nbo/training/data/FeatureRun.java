package dev.nbo.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.feature.Window;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a features run wrote in {@code run.json}: the data snapshot, the spec hash, the as-of dates and the label
 * horizon. Training refuses a folder without it: pairs of unknown provenance cannot be registered.
 */
public record FeatureRun(Path dir, String snapshotId, String specHash, List<LocalDate> asOfDates, Window horizon,
                         int unsampledNewest, LocalDate dataLastDay, Path specPath, String warehouse) {

    public FeatureRun {
        asOfDates = List.copyOf(asOfDates);
        if (asOfDates.isEmpty()) {
            throw new IllegalArgumentException(dir + "/run.json lists no as-of date");
        }
    }

    public static FeatureRun read(Path dir) {
        Path file = dir.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " is not a features run: it has no run.json. Build features"
                    + " first: ./nbo features --warehouse DIR --out " + dir);
        }
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            List<LocalDate> dates = new ArrayList<>();
            json.path("as_of_dates").forEach(d -> dates.add(LocalDate.parse(d.asText())));
            return new FeatureRun(dir, required(json, "snapshot_id", file), required(json, "spec_hash", file),
                    dates.stream().sorted().toList(), Window.parse(required(json, "horizon", file)),
                    json.path("unsampled_newest").asInt(1), LocalDate.parse(required(json, "data_last_day", file)),
                    json.hasNonNull("spec") ? Path.of(json.get("spec").asText()) : null,
                    json.hasNonNull("warehouse") ? json.get("warehouse").asText() : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode json, String field, Path file) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": field " + field + " is missing; rebuild the features");
        }
        return node.asText();
    }

    /** The warehouse's offers.yaml, when the warehouse is a local folder that has one. */
    public java.util.Optional<Path> warehouseOffers() {
        if (warehouse == null || warehouse.contains("://")) {
            return java.util.Optional.empty();
        }
        Path offers = Path.of(warehouse).resolve("offers.yaml");
        return Files.isRegularFile(offers) ? java.util.Optional.of(offers) : java.util.Optional.empty();
    }

    public Path trainingPairs() {
        return dir.resolve("training_pairs");
    }
}
