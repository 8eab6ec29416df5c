package dev.nbo.training.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;

/**
 * Tribuo examples as the float matrix the exported models read: column j is the feature whose id is j in the
 * model's feature map, and a feature absent from an example is NaN, which both exported graphs read as missing.
 * This mirrors how Tribuo feeds XGBoost ({@code XGBoostTrainer.convertSingleExample}): present features, zeros
 * included, become float cells; absent ones are left out of the sparse row, i.e. missing.
 */
public final class FeatureMatrix {
    /** The name of the graph input of every exported model: this matrix. */
    public static final String INPUT = "features";

    private FeatureMatrix() {
    }

    /** The feature names of {@code featureMap} in id order: the column order of the exported models. */
    public static List<String> columnNames(ImmutableFeatureMap featureMap) {
        List<String> names = new ArrayList<>(featureMap.size());
        for (int id = 0; id < featureMap.size(); id++) {
            names.add(featureMap.get(id).getName());
        }
        return names;
    }

    /** One row per example; features unknown to {@code featureMap} are ignored, as Tribuo's models ignore them. */
    public static float[][] of(Iterable<? extends Example<?>> examples, ImmutableFeatureMap featureMap) {
        List<float[]> rows = new ArrayList<>();
        for (Example<?> example : examples) {
            float[] row = new float[featureMap.size()];
            Arrays.fill(row, Float.NaN);
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                if (id >= 0) {
                    // Tribuo sums a repeated feature in float; a valid example has none, but match it anyway.
                    row[id] = Float.isNaN(row[id]) ? (float) feature.getValue() : row[id] + (float) feature.getValue();
                }
            }
            rows.add(row);
        }
        return rows.toArray(new float[0][]);
    }
}
