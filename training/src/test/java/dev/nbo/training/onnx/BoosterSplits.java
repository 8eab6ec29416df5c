package dev.nbo.training.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

/**
 * The splits of a trained booster read from XGBoost's text dump, independently of the exporter's JSON reading:
 * the dump prints each threshold with 9 significant digits, enough to read back the exact float32.
 */
record BoosterSplits(List<Split> splits, int trees) {
    private static final Pattern SPLIT = Pattern.compile("\\[f(\\d+)<([^\\]]+)\\]");

    record Split(int feature, float threshold) {
    }

    static BoosterSplits of(XGBoostModel<Label> model) {
        Booster booster = model.getInnerModels().get(0);
        try {
            String[] dump = booster.getModelDump((String) null, false);
            List<Split> splits = new ArrayList<>();
            for (String tree : dump) {
                Matcher matcher = SPLIT.matcher(tree);
                while (matcher.find()) {
                    splits.add(new Split(Integer.parseInt(matcher.group(1)), Float.parseFloat(matcher.group(2))));
                }
            }
            return new BoosterSplits(splits, dump.length);
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        } finally {
            booster.dispose();
        }
    }

    /** The thresholds of the BRANCH nodes of an exported tree ensemble, in node order. */
    static List<Float> onnxThresholds(byte[] onnx) throws Exception {
        OnnxMl.NodeProto ensemble = OnnxMl.ModelProto.parseFrom(onnx).getGraph().getNodeList().stream()
                .filter(node -> node.getOpType().equals("TreeEnsembleRegressor")).findFirst().orElseThrow();
        List<Float> values = attribute(ensemble, "nodes_values").getFloatsList();
        List<String> modes = attribute(ensemble, "nodes_modes").getStringsList().stream()
                .map(mode -> mode.toStringUtf8()).toList();
        List<Float> thresholds = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!modes.get(i).equals("LEAF")) {
                thresholds.add(values.get(i));
            }
        }
        return thresholds;
    }

    List<Float> thresholds() {
        return splits.stream().map(Split::threshold).toList();
    }

    /**
     * Near-tie rows: for every distinct split, a copy of one of {@code bases} with the split's feature set exactly
     * on the threshold, and one float step below and above it.
     */
    List<Example<Label>> nearTieRows(List<Example<Label>> bases) {
        Set<Split> distinct = new LinkedHashSet<>(splits);
        List<Example<Label>> rows = new ArrayList<>();
        int base = 0;
        for (Split split : distinct) {
            float t = split.threshold();
            for (float value : new float[] {t, Math.nextDown(t), Math.nextUp(t)}) {
                rows.add(withValue(bases.get(base++ % bases.size()), SyntheticBinaryData.name(split.feature()),
                        value));
            }
        }
        return rows;
    }

    private static Example<Label> withValue(Example<Label> base, String name, float value) {
        ArrayExample<Label> row = new ArrayExample<>(base.getOutput());
        for (Feature feature : base) {
            if (!feature.getName().equals(name)) {
                row.add(feature.getName(), feature.getValue());
            }
        }
        row.add(name, value);
        return row;
    }

    private static OnnxMl.AttributeProto attribute(OnnxMl.NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }
}
