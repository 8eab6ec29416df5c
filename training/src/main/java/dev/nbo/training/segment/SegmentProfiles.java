package dev.nbo.training.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of every segment of a model over a set of customers, with the silhouette of every k tried; written as
 * JSON for reports and as a plain-text table for the console.
 *
 * @param customers    how many customers were profiled (the sizes add up to it)
 * @param featureNames the model's features, in model order
 * @param selection    the silhouette of every k tried
 * @param segments     one profile per segment, by id
 */
public record SegmentProfiles(long customers, List<String> featureNames, List<KScore> selection,
        List<SegmentProfile> segments) {
    /**
     * Below a quarter of a standard deviation a centroid is "about average" for that feature; naming a segment after
     * such a feature would describe noise.
     */
    static final double MIN_DISTINCT_Z = 0.25;
    static final int MAX_DISTINCT = 3;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SegmentProfiles {
        featureNames = List.copyOf(featureNames);
        selection = List.copyOf(selection);
        segments = List.copyOf(segments);
        long sizes = segments.stream().mapToLong(SegmentProfile::size).sum();
        if (sizes != customers) {
            throw new IllegalArgumentException("segment sizes add up to " + sizes + ", not to the " + customers
                    + " customers profiled");
        }
    }

    /** Assigns every customer of the table (which must have the model's features) and profiles each segment. */
    public static SegmentProfiles describe(SegmentModel model, CustomerTable customers) {
        CustomerTable table = customers.select(model.featureNames());
        int[] assigned = model.assign(table);
        double[][] centroids = model.centroids();
        List<List<DistinctFeature>> distinct = new ArrayList<>();
        for (double[] centroid : centroids) {
            distinct.add(distinct(model.featureNames(), centroid));
        }
        List<String> names = SegmentNames.unique(distinct);
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int s = 0; s < centroids.length; s++) {
            long size = count(assigned, s);
            profiles.add(new SegmentProfile(s, names.get(s), size, (double) size / table.size(),
                    memberMeans(table, assigned, s), distinct.get(s)));
        }
        return new SegmentProfiles(table.size(), model.featureNames(), model.selection(), profiles);
    }

    /** The features whose centroid z-score is largest in size, at most {@link #MAX_DISTINCT}, largest first. */
    static List<DistinctFeature> distinct(List<String> featureNames, double[] centroid) {
        List<DistinctFeature> features = new ArrayList<>();
        for (int f = 0; f < centroid.length; f++) {
            if (Math.abs(centroid[f]) >= MIN_DISTINCT_Z) {
                features.add(DistinctFeature.of(featureNames.get(f), centroid[f]));
            }
        }
        features.sort(Comparator.comparingDouble((DistinctFeature d) -> -Math.abs(d.z())));
        return features.subList(0, Math.min(MAX_DISTINCT, features.size()));
    }

    private static long count(int[] assigned, int segment) {
        long count = 0;
        for (int s : assigned) {
            if (s == segment) {
                count++;
            }
        }
        return count;
    }

    private static Map<String, Double> memberMeans(CustomerTable table, int[] assigned, int segment) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (int f = 0; f < table.featureCount(); f++) {
            double sum = 0;
            long count = 0;
            for (int row = 0; row < table.size(); row++) {
                double value = table.value(row, f);
                if (assigned[row] == segment && !Double.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            means.put(table.featureNames().get(f), count == 0 ? Double.NaN : sum / count);
        }
        return means;
    }

    /** The profile of one segment. */
    public SegmentProfile segment(int id) {
        if (id < 0 || id >= segments.size()) {
            throw new IllegalArgumentException("segment " + id + " does not exist; ids run from 0 to "
                    + (segments.size() - 1));
        }
        return segments.get(id);
    }

    /** The profiles as indented JSON; a mean no member has a value for is {@code null}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("customers", customers);
        root.put("k", segments.size());
        featureNames.forEach(root.putArray("features")::add);
        ArrayNode selectionNode = root.putArray("selection");
        for (KScore score : selection) {
            selectionNode.addObject().put("k", score.k()).put("silhouette", score.silhouette())
                    .put("inertia", score.inertia());
        }
        ArrayNode segmentsNode = root.putArray("segments");
        for (SegmentProfile profile : segments) {
            ObjectNode node = segmentsNode.addObject();
            node.put("id", profile.id()).put("name", profile.name()).put("size", profile.size())
                    .put("share", profile.share());
            ObjectNode centroid = node.putObject("centroid");
            profile.centroid().forEach((feature, mean) -> {
                if (Double.isNaN(mean)) {
                    centroid.putNull(feature);
                } else {
                    centroid.put(feature, mean);
                }
            });
            ArrayNode distinct = node.putArray("distinct");
            for (DistinctFeature feature : profile.distinct()) {
                distinct.addObject().put("feature", feature.feature()).put("direction", feature.direction().word())
                        .put("z", feature.z());
            }
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write segment profiles as JSON", e);
        }
    }

    /** Writes {@link #toJson()} to a file, replacing it. */
    public void writeJson(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write segment profiles to " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A plain-text table for the console: one line per segment, then the centroid of each in original units. */
    public String toTable() {
        return ProfileTable.render(this);
    }
}
