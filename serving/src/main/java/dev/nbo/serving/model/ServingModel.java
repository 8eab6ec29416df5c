package dev.nbo.serving.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nbo.models.encode.FeatureEncoder;
import dev.nbo.models.encode.ScoringRow;
import dev.nbo.models.registry.ModelManifest;
import dev.nbo.models.registry.VerifiedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A registered version loaded for scoring: the propensity model, the segment model, the encoder, and the segment
 * names. Built only from a {@link VerifiedModel}, so every file matched its checksum and the feature spec.
 */
public final class ServingModel implements AutoCloseable {
    private final ModelManifest manifest;
    private final FeatureEncoder encoder;
    private final FeatureEncoder.DenseLayout layout;
    private final OnnxScorer propensity;
    private final OnnxScorer segments;
    private final List<String> segmentFeatures;
    private final List<String> segmentNames;

    private ServingModel(ModelManifest manifest, FeatureEncoder encoder, OnnxScorer propensity, OnnxScorer segments,
                         List<String> segmentFeatures, List<String> segmentNames) {
        this.manifest = manifest;
        this.encoder = encoder;
        this.propensity = propensity;
        this.segments = segments;
        this.segmentFeatures = List.copyOf(segmentFeatures);
        this.segmentNames = List.copyOf(segmentNames);
        this.layout = encoder.layout(manifest.featureNames());
    }

    public static ServingModel load(VerifiedModel verified) {
        ModelManifest manifest = verified.manifest();
        FeatureEncoder encoder = FeatureEncoder.read(verified.file("encoder.json"));
        if (!encoder.featureSpecHash().equals(manifest.featureSpecHash())) {
            throw new IllegalStateException("model " + manifest.version() + ": encoder.json was fitted on spec "
                    + encoder.featureSpecHash() + ", the manifest says " + manifest.featureSpecHash());
        }
        OnnxScorer propensity = OnnxScorer.open(verified.modelFile());
        if (propensity.width() != manifest.featureNames().size()) {
            propensity.close();
            throw new IllegalStateException("model " + manifest.version() + " reads " + propensity.width()
                    + " inputs but its manifest lists " + manifest.featureNames().size());
        }
        OnnxScorer segments = OnnxScorer.open(verified.file("segments.onnx"));
        List<String> segmentFeatures = jsonStrings(segments.metadata().get("feature_names"));
        return new ServingModel(manifest, encoder, propensity, segments, segmentFeatures, manifest.segments().names());
    }

    private static List<String> jsonStrings(String json) {
        if (json == null) {
            throw new IllegalStateException("segments.onnx has no feature_names metadata; re-register the model");
        }
        try {
            List<String> names = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(json)) {
                names.add(node.asText().intern()); // as the spec's names: see FeatureDefinition
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("segments.onnx feature_names is not a JSON array: " + json, e);
        }
    }

    public String version() {
        return manifest.version();
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The spec features the segment model reads, in its input order. */
    public List<String> segmentFeatures() {
        return segmentFeatures;
    }

    /**
     * The rows as the propensity model reads them: a row-major matrix [rows, inputs]. The features named in
     * {@code sameInEveryRow} have one value in all rows (one customer's candidates), so they are encoded once.
     */
    public float[] encode(List<ScoringRow> rows, Set<String> sameInEveryRow) {
        return layout.encode(rows, sameInEveryRow);
    }

    /** The propensity of every row of an {@link #encode encoded} matrix, in one ONNX Runtime call. */
    public float[] propensities(float[] encoded) {
        if (encoded.length == 0) {
            return new float[0];
        }
        return propensity.floats(encoded, "propensity");
    }

    /** The customer's segment from the values of {@link #segmentFeatures()} (NaN = missing). */
    public Segment segment(float[] customerFeatures) {
        if (customerFeatures.length != segments.width()) {
            throw new IllegalArgumentException(customerFeatures.length + " segment inputs for a model that reads "
                    + segments.width());
        }
        long[] ids = segments.longs(customerFeatures, "segment");
        int id = (int) ids[0];
        return new Segment(id, id < segmentNames.size() ? segmentNames.get(id) : "segment " + id);
    }

    @Override
    public void close() {
        propensity.close();
        segments.close();
    }
}
