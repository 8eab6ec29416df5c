package dev.nbo.training.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tribuo.Model;

/**
 * What an exported ONNX model carries besides its graph, written to the model's {@code metadata_props} so that the
 * file alone says which features it reads, for which feature definitions, and how it was trained.
 *
 * @param featureNames    the names of the input columns, in column order
 * @param featureSpecHash the {@code FeatureSpec} hash the features were computed with; serving compares it
 * @param modelVersion    the registry version of the model
 * @param provenanceJson  Tribuo's provenance of the trained model, as olcut JSON
 */
public record OnnxModelMetadata(List<String> featureNames, String featureSpecHash, String modelVersion,
                                String provenanceJson) {

    /** The ONNX {@code producer_name} of every model NBO exports. */
    public static final String PRODUCER = "nbo";
    public static final String FEATURE_NAMES = "feature_names";
    public static final String FEATURE_SPEC_HASH = "feature_spec_hash";
    public static final String MODEL_VERSION = "model_version";
    public static final String TRIBUO_PROVENANCE = "tribuo_provenance";

    private static final ObjectMapper JSON = new ObjectMapper();

    public OnnxModelMetadata {
        Objects.requireNonNull(featureNames, "featureNames");
        featureNames = List.copyOf(featureNames);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("featureNames is empty: a model reads at least one feature");
        }
        Set<String> seen = new HashSet<>();
        for (String name : featureNames) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("featureNames has a blank name: " + featureNames);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("featureNames has '" + name + "' twice: each column needs its own "
                        + "feature");
            }
        }
        requireText("featureSpecHash", featureSpecHash);
        requireText("modelVersion", modelVersion);
        requireText("provenanceJson", provenanceJson);
    }

    /**
     * The metadata of a trained Tribuo model: its feature names in feature-id order (the column order both
     * exporters use) and its provenance.
     */
    public static OnnxModelMetadata of(Model<?> model, String featureSpecHash, String modelVersion) {
        return new OnnxModelMetadata(FeatureMatrix.columnNames(model.getFeatureIDMap()), featureSpecHash,
                modelVersion, provenanceJson(model));
    }

    /** Tribuo's provenance of {@code model} as olcut JSON, which olcut can read back into the same provenance. */
    public static String provenanceJson(Model<?> model) {
        return new JsonProvenanceSerialization(false).marshalAndSerialize(model.getProvenance());
    }

    /** The {@code metadata_props} entries, keyed by the constants of this record. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            properties.put(FEATURE_NAMES, JSON.writeValueAsString(featureNames));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write feature names " + featureNames + " as JSON", e);
        }
        properties.put(FEATURE_SPEC_HASH, featureSpecHash);
        properties.put(MODEL_VERSION, modelVersion);
        properties.put(TRIBUO_PROVENANCE, provenanceJson);
        return properties;
    }

    /** Reads back what {@link #properties()} wrote, e.g. from ONNX Runtime's custom metadata of a session. */
    public static OnnxModelMetadata fromProperties(Map<String, String> properties) {
        String names = required(properties, FEATURE_NAMES);
        List<String> featureNames;
        try {
            featureNames = JSON.readValue(names, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata '" + FEATURE_NAMES + "' is not a JSON array of names: "
                    + names + "; export the model again", e);
        }
        return new OnnxModelMetadata(featureNames, required(properties, FEATURE_SPEC_HASH),
                required(properties, MODEL_VERSION), required(properties, TRIBUO_PROVENANCE));
    }

    private static String required(Map<String, String> properties, String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new IllegalArgumentException("model metadata has no '" + key + "' (found " + properties.keySet()
                    + "); it was not exported by NBO's exporters: export it again");
        }
        return value;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank ('" + value + "'): every exported model records it");
        }
    }
}
