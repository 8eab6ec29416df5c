package dev.nbo.training.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Exports a binary Tribuo XGBoost classifier as an ONNX graph that scores like Tribuo:
 * {@code features} float [N, F] → {@code TreeEnsembleRegressor} (the signed sum of leaf margins) → {@code Sigmoid}
 * → {@code propensity} float [N], Tribuo's probability of label {@value #POSITIVE_LABEL}. Column j of the input is
 * the feature whose id is j in the model's feature map; NaN is a missing feature.
 *
 * <p>Tribuo trains classifiers with {@code multi:softprob}, one tree per class and round, so p(1) is the softmax
 * of the two class margins, which equals {@code sigmoid(margin_1 - margin_0)}: the exporter adds the positive
 * class's trees and subtracts the other class's, and the base score, added to both margins, cancels. See
 * {@code docs/adr/0004-tree-ensemble-onnx-export.md} for why this is a regressor and a sigmoid rather than a
 * {@code TreeEnsembleClassifier}.
 */
public final class TreeEnsembleOnnxExporter {
    public static final String OUTPUT = "propensity";
    public static final String POSITIVE_LABEL = "1";
    public static final String NEGATIVE_LABEL = "0";

    private static final String OBJECTIVE = "multi:softprob";

    private TreeEnsembleOnnxExporter() {
    }

    /** The serialised ONNX model; {@code metadata}'s feature names must be the model's, in feature-id order. */
    public static byte[] export(XGBoostModel<Label> model, OnnxModelMetadata metadata) {
        int positive = classIndex(model.getOutputIDInfo(), POSITIVE_LABEL);
        int negative = classIndex(model.getOutputIDInfo(), NEGATIVE_LABEL);
        List<String> columns = FeatureMatrix.columnNames(model.getFeatureIDMap());
        if (!columns.equals(metadata.featureNames())) {
            throw new IllegalArgumentException("metadata feature names " + metadata.featureNames() + " are not the "
                    + "model's features in id order " + columns + "; build them with OnnxModelMetadata.of(model, ...)");
        }
        BoosterTrees booster = boosterTrees(model);
        if (!OBJECTIVE.equals(booster.objective()) || booster.numClass() != 2) {
            throw new IllegalArgumentException("the booster uses objective '" + booster.objective() + "' with "
                    + booster.numClass() + " classes; only " + OBJECTIVE + " with 2 classes (what "
                    + "XGBoostClassificationTrainer trains without override parameters) can be exported");
        }
        if (booster.numFeature() != columns.size()) {
            throw new IllegalArgumentException("the booster reads " + booster.numFeature() + " features but the "
                    + "model's feature map has " + columns.size());
        }
        TreeEnsembleNodes nodes = new TreeEnsembleNodes(columns.size());
        for (BoosterTrees.Tree tree : booster.trees()) {
            if (tree.classIndex() == positive) {
                nodes.add(tree, 1f);
            } else if (tree.classIndex() == negative) {
                nodes.add(tree, -1f);
            } else {
                throw new IllegalArgumentException("a tree belongs to class " + tree.classIndex()
                        + " of a 2-class booster");
            }
        }
        if (nodes.trees() == 0) {
            throw new IllegalArgumentException("the booster has no trees; train at least one round");
        }
        // margin_1 - margin_0 = (base + trees_1) - (base + trees_0): the base score cancels.
        float baseMargin = booster.baseScore() - booster.baseScore();

        OnnxModelBuilder graph = new OnnxModelBuilder("nbo-propensity");
        graph.input(FeatureMatrix.INPUT, DataType.FLOAT, OnnxModelBuilder.BATCH, columns.size());
        String margin = graph.node(OnnxModelBuilder.ML_DOMAIN, "TreeEnsembleRegressor",
                List.of(FeatureMatrix.INPUT), "margin_difference", nodes.attributes(baseMargin));
        String probability = graph.node("Sigmoid", List.of(margin), "probability");
        String flat = graph.longInitializer("flat_shape", new long[] {-1}, 1);
        graph.node("Reshape", List.of(probability, flat), OUTPUT);
        graph.output(OUTPUT, DataType.FLOAT, OnnxModelBuilder.BATCH);
        return graph.build(metadata, "P(label " + POSITIVE_LABEL + ") of Tribuo XGBoost model '" + model.getName()
                + "', " + nodes.trees() + " trees").toByteArray();
    }

    private static int classIndex(ImmutableOutputInfo<Label> outputs, String label) {
        // Tribuo numbers labels in its own order; the booster's class i is the label whose id is i.
        int id = outputs.getID(new Label(label));
        if (id < 0 || outputs.size() != 2) {
            throw new IllegalArgumentException("the model predicts labels " + outputs.getDomain() + "; only binary "
                    + "models with labels \"" + NEGATIVE_LABEL + "\" and \"" + POSITIVE_LABEL + "\" can be exported");
        }
        return id;
    }

    private static BoosterTrees boosterTrees(XGBoostModel<Label> model) {
        List<Booster> boosters = model.getInnerModels();
        try {
            if (boosters.size() != 1) {
                throw new IllegalArgumentException("the model holds " + boosters.size() + " boosters; a classifier "
                        + "holds one");
            }
            return BoosterTrees.parse(boosters.get(0).toByteArray("json"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not write the booster as JSON: " + e.getMessage(), e);
        } finally {
            // getInnerModels() returns copies that hold native memory until disposed.
            boosters.forEach(Booster::dispose);
        }
    }
}
