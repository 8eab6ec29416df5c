package dev.nbo.training.onnx;

import static dev.nbo.training.onnx.OnnxModelBuilder.attribute;
import static dev.nbo.training.onnx.OnnxModelBuilder.floatsAttribute;
import static dev.nbo.training.onnx.OnnxModelBuilder.intsAttribute;
import static dev.nbo.training.onnx.OnnxModelBuilder.stringsAttribute;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The node and target attributes of one single-target {@code ai.onnx.ml.TreeEnsembleRegressor}, filled tree by
 * tree from XGBoost trees. XGBoost's "yes" branch is taken when {@code x < threshold}, so every split is a
 * {@code BRANCH_LT} whose true branch is XGBoost's left child, and a missing value follows the true branch exactly
 * when XGBoost's default direction is left ({@code nodes_missing_value_tracks_true}).
 */
final class TreeEnsembleNodes {
    private final List<Long> treeIds = new ArrayList<>();
    private final List<Long> nodeIds = new ArrayList<>();
    private final List<String> modes = new ArrayList<>();
    private final List<Long> featureIds = new ArrayList<>();
    private final List<Float> thresholds = new ArrayList<>();
    private final List<Long> trueIds = new ArrayList<>();
    private final List<Long> falseIds = new ArrayList<>();
    private final List<Long> missingTracksTrue = new ArrayList<>();
    private final List<Long> targetTreeIds = new ArrayList<>();
    private final List<Long> targetNodeIds = new ArrayList<>();
    private final List<Float> targetWeights = new ArrayList<>();
    private final int numFeatures;
    private int trees;

    TreeEnsembleNodes(int numFeatures) {
        this.numFeatures = numFeatures;
    }

    /**
     * Adds {@code tree} with its leaf values multiplied by {@code leafSign} (+1 or -1, exact in float). Only the
     * nodes reachable from the root are added, numbered in breadth-first order: XGBoost keeps pruned nodes in its
     * arrays, and ONNX Runtime needs none of them.
     */
    void add(BoosterTrees.Tree tree, float leafSign) {
        long treeId = trees++;
        int[] newId = new int[tree.size()];
        Arrays.fill(newId, -1);
        List<Integer> order = new ArrayList<>();
        Deque<Integer> queue = new ArrayDeque<>();
        newId[0] = 0;
        queue.add(0);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            order.add(node);
            if (!tree.isLeaf(node)) {
                for (int child : new int[] {tree.left()[node], tree.right()[node]}) {
                    if (child <= 0 || child >= tree.size() || newId[child] != -1) {
                        throw new IllegalArgumentException("tree " + treeId + " node " + node + " has child " + child
                                + ", which is not a node of a tree of " + tree.size() + " nodes");
                    }
                    newId[child] = order.size() + queue.size();
                    queue.add(child);
                }
            }
        }
        for (int node : order) {
            treeIds.add(treeId);
            nodeIds.add((long) newId[node]);
            if (tree.isLeaf(node)) {
                addLeaf(treeId, newId[node], tree.condition()[node] * leafSign);
            } else {
                addSplit(tree, node, newId);
            }
        }
    }

    private void addSplit(BoosterTrees.Tree tree, int node, int[] newId) {
        int feature = tree.feature()[node];
        if (feature < 0 || feature >= numFeatures) {
            throw new IllegalArgumentException("a split reads feature " + feature + ", outside the model's "
                    + numFeatures + " features");
        }
        modes.add("BRANCH_LT");
        featureIds.add((long) feature);
        thresholds.add(tree.condition()[node]);
        trueIds.add((long) newId[tree.left()[node]]);
        falseIds.add((long) newId[tree.right()[node]]);
        missingTracksTrue.add(tree.defaultLeft()[node] ? 1L : 0L);
    }

    private void addLeaf(long treeId, long nodeId, float value) {
        modes.add("LEAF");
        featureIds.add(0L);
        thresholds.add(0f);
        trueIds.add(0L);
        falseIds.add(0L);
        missingTracksTrue.add(0L);
        targetTreeIds.add(treeId);
        targetNodeIds.add(nodeId);
        targetWeights.add(value);
    }

    int trees() {
        return trees;
    }

    /** The regressor's attributes: one target, the sum of the leaves reached plus {@code baseValue}. */
    AttributeProto[] attributes(float baseValue) {
        List<Long> targetIds = new ArrayList<>(targetTreeIds.size());
        targetTreeIds.forEach(id -> targetIds.add(0L));
        return new AttributeProto[] {
                attribute("n_targets", 1),
                attribute("aggregate_function", "SUM"),
                attribute("post_transform", "NONE"),
                floatsAttribute("base_values", List.of(baseValue)),
                intsAttribute("nodes_treeids", treeIds),
                intsAttribute("nodes_nodeids", nodeIds),
                stringsAttribute("nodes_modes", modes),
                intsAttribute("nodes_featureids", featureIds),
                floatsAttribute("nodes_values", thresholds),
                intsAttribute("nodes_truenodeids", trueIds),
                intsAttribute("nodes_falsenodeids", falseIds),
                intsAttribute("nodes_missing_value_tracks_true", missingTracksTrue),
                intsAttribute("target_treeids", targetTreeIds),
                intsAttribute("target_nodeids", targetNodeIds),
                intsAttribute("target_ids", targetIds),
                floatsAttribute("target_weights", targetWeights),
        };
    }
}
