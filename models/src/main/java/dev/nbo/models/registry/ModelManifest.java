package dev.nbo.models.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code manifest.json}: everything needed to trust, reproduce and serve one model version — provenance (data
 * snapshot, code version, hyper-parameters, seed), the input contract (feature order and feature-spec hash), the
 * evaluation (metrics, parity) and the sha256 of every file of the version.
 *
 * <p>The constructor validates every field, so a manifest in memory is always well-formed; reading refuses unknown
 * fields and any format other than {@value #FORMAT}, so that a newer manifest is never half-read.
 *
 * @param featureNames    the model's inputs in ONNX input order
 * @param featureSpecHash {@code FeatureSpec.hash()} of the definitions the model was trained with
 * @param snapshotId      the id of the feature run the training pairs came from
 * @param hyperParameters trainer settings; values are text, booleans, or numbers (whole numbers kept as long)
 * @param metrics         headline evaluation figures on the holdout, e.g. {@code auc}, {@code ndcg@3}
 * @param files           file name to sha256; empty until the registry fills it at registration
 */
public record ModelManifest(
        @JsonProperty("format") String format,
        @JsonProperty("model") String model,
        @JsonProperty("version") String version,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("code_version") String codeVersion,
        @JsonProperty("feature_names") List<String> featureNames,
        @JsonProperty("feature_spec_hash") String featureSpecHash,
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("training") TrainingSummary training,
        @JsonProperty("hyper_parameters") Map<String, Object> hyperParameters,
        @JsonProperty("seed") long seed,
        @JsonProperty("metrics") Map<String, Double> metrics,
        @JsonProperty("parity") Parity parity,
        @JsonProperty("segments") Segments segments,
        @JsonProperty("files") Map<String, String> files) {

    /** The format this release writes and the only one it reads. */
    public static final String FORMAT = "nbo-model/1";

    @JsonCreator
    public ModelManifest {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format '" + format + "' is not supported; this release reads "
                    + FORMAT);
        }
        RegistryNames.checkModel(model);
        RegistryNames.checkVersion(version);
        required("created_at", createdAt);
        codeVersion = text("code_version", codeVersion);
        featureNames = featureNames(featureNames);
        Sha256.check("feature_spec_hash", featureSpecHash);
        snapshotId = text("snapshot_id", snapshotId);
        required("training", training);
        hyperParameters = hyperParameters(hyperParameters);
        metrics = metrics(metrics);
        required("parity", parity);
        required("segments", segments);
        files = files(files);
    }

    /** A manifest as training writes it, before registration: current format, no checksums yet. */
    public ModelManifest(String model, String version, Instant createdAt, String codeVersion, List<String> featureNames,
            String featureSpecHash, String snapshotId, TrainingSummary training, Map<String, Object> hyperParameters,
            long seed, Map<String, Double> metrics, Parity parity, Segments segments) {
        this(FORMAT, model, version, createdAt, codeVersion, featureNames, featureSpecHash, snapshotId, training,
                hyperParameters, seed, metrics, parity, segments, Map.of());
    }

    /** This manifest with the given file checksums (the registry's job at registration). */
    public ModelManifest withFiles(Map<String, String> checksums) {
        return new ModelManifest(format, model, version, createdAt, codeVersion, featureNames, featureSpecHash,
                snapshotId, training, hyperParameters, seed, metrics, parity, segments, checksums);
    }

    /** Reads {@code manifest.json}; every problem names the file and the field. */
    public static ModelManifest read(Path file) {
        try {
            return fromJson(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses manifest JSON; {@code origin} names it in messages. */
    public static ModelManifest fromJson(String origin, String json) {
        JsonNode tree = RegistryJson.tree(origin, json);
        // The format is checked before binding: a newer format's new fields must read as "too new", not as typos.
        JsonNode format = tree.path("format");
        if (!format.isTextual()) {
            throw new IllegalArgumentException(origin + ": not a model manifest (no \"format\": \"" + FORMAT
                    + "\" field)");
        }
        if (!FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException(origin + ": format '" + format.asText() + "' is not supported; this"
                    + " release reads " + FORMAT + "; use a release that knows it or register the model again");
        }
        return RegistryJson.read(origin, tree, ModelManifest.class);
    }

    public String toJson() {
        return RegistryJson.pretty(this);
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, got '" + value + "'");
        }
        return value;
    }

    private static List<String> featureNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("feature_names must list the model's inputs in ONNX input order");
        }
        if (names.stream().anyMatch(name -> name == null || name.isBlank())) {
            throw new IllegalArgumentException("feature_names must not contain blank names: " + names);
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("feature_names lists '" + name + "' twice: " + names);
            }
        }
        return List.copyOf(names);
    }

    private static Map<String, Object> hyperParameters(Map<String, Object> parameters) {
        required("hyper_parameters", parameters);
        Map<String, Object> copy = new LinkedHashMap<>();
        parameters.forEach((name, value) -> copy.put(text("hyper_parameters key", name), scalar(name, value)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Whole numbers become {@code long} and others {@code double}, the types JSON gives back, so that a manifest
     * equals itself after a round trip through {@code manifest.json}.
     */
    private static Object scalar(String name, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                return number;
            }
        }
        throw new IllegalArgumentException("hyper_parameters." + name + " must be text, a boolean or a finite number,"
                + " got " + value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")"));
    }

    private static Map<String, Double> metrics(Map<String, Double> metrics) {
        required("metrics", metrics);
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metrics." + name + " must be a finite number, got " + value);
            }
            copy.put(text("metrics key", name), value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> files(Map<String, String> files) {
        required("files", files);
        Map<String, String> copy = new TreeMap<>();
        files.forEach((name, sha) -> copy.put(RegistryNames.checkFile(name), Sha256.check("files." + name, sha)));
        return Collections.unmodifiableMap(copy);
    }
}
