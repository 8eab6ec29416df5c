package dev.nbo.training.onnx;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trees of an XGBoost booster, read from its JSON model ({@code Booster.toByteArray("json")}). The JSON model
 * rather than a text dump, because it holds what prediction uses and nothing rounded: thresholds and leaf values
 * are written as the shortest decimals that read back to the booster's float32 values, and each tree's class is
 * listed in {@code tree_info}.
 *
 * @param objective  XGBoost's objective name, e.g. {@code multi:softprob}
 * @param numClass   the number of classes (0 for single-output objectives)
 * @param numFeature the number of input columns the booster was trained on
 * @param baseScore  the global bias added to every class margin before the objective's transform
 * @param trees      the trees in boosting order
 */
record BoosterTrees(String objective, int numClass, int numFeature, float baseScore, List<Tree> trees) {
    // Keeps every decimal exact until it is parsed as a float (see floats()).
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    BoosterTrees {
        trees = List.copyOf(trees);
    }

    /**
     * One regression tree in XGBoost's array layout: node i is a leaf when {@code left[i] == -1}, and then its
     * value is {@code condition[i]}; otherwise a row goes to {@code left[i]} when {@code x[feature[i]] <
     * condition[i]}, to {@code right[i]} when not, and to the left when the value is missing and
     * {@code defaultLeft[i]}.
     *
     * @param classIndex the class whose margin this tree adds to
     */
    record Tree(int classIndex, int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {
        boolean isLeaf(int node) {
            return left[node] == -1;
        }

        int size() {
            return left.length;
        }
    }

    static BoosterTrees parse(byte[] modelJson) {
        JsonNode learner;
        try {
            learner = JSON.readTree(modelJson).path("learner");
        } catch (IOException e) {
            throw new IllegalArgumentException("the booster's JSON model cannot be read: " + e.getMessage(), e);
        }
        JsonNode params = learner.path("learner_model_param");
        JsonNode booster = learner.path("gradient_booster");
        String boosterName = booster.path("name").asText();
        if (!"gbtree".equals(boosterName)) {
            throw new IllegalArgumentException("booster '" + boosterName + "' cannot be exported: only tree "
                    + "boosters (gbtree) are supported; train with the default booster type");
        }
        JsonNode treeInfo = booster.path("model").path("tree_info");
        JsonNode treesJson = booster.path("model").path("trees");
        if (treeInfo.size() != treesJson.size()) {
            throw new IllegalArgumentException("the booster lists " + treeInfo.size() + " tree classes for "
                    + treesJson.size() + " trees");
        }
        List<Tree> trees = new ArrayList<>(treesJson.size());
        for (int i = 0; i < treesJson.size(); i++) {
            trees.add(tree(i, treeInfo.get(i).asInt(), treesJson.get(i)));
        }
        return new BoosterTrees(learner.path("objective").path("name").asText(),
                Integer.parseInt(params.path("num_class").asText("0")),
                Integer.parseInt(params.path("num_feature").asText("0")),
                Float.parseFloat(params.path("base_score").asText("0.5")),
                trees);
    }

    private static Tree tree(int index, int classIndex, JsonNode tree) {
        for (JsonNode type : tree.path("split_type")) {
            if (type.asInt() != 0) {
                throw new IllegalArgumentException("tree " + index + " has a categorical split, which cannot be "
                        + "exported; give the model numeric features only");
            }
        }
        int[] left = ints(tree.path("left_children"));
        int[] right = ints(tree.path("right_children"));
        int[] feature = ints(tree.path("split_indices"));
        float[] condition = floats(tree.path("split_conditions"));
        boolean[] defaultLeft = booleans(tree.path("default_left"));
        int n = left.length;
        if (n == 0 || right.length != n || feature.length != n || condition.length != n || defaultLeft.length != n) {
            throw new IllegalArgumentException("tree " + index + " has node arrays of different lengths: "
                    + List.of(left.length, right.length, feature.length, condition.length, defaultLeft.length));
        }
        return new Tree(classIndex, left, right, feature, condition, defaultLeft);
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    /** Parses each decimal straight to float: going through double could round a second time. */
    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.parseFloat(array.get(i).asText());
        }
        return values;
    }

    private static boolean[] booleans(JsonNode array) {
        boolean[] values = new boolean[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asBoolean();
        }
        return values;
    }
}
