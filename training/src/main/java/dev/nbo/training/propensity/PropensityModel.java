package dev.nbo.training.propensity;

import dev.nbo.models.encode.EncodedRow;
import dev.nbo.models.encode.FeatureEncoder;
import dev.nbo.models.encode.ScoringRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;

/**
 * A trained propensity model: the encoder and the Tribuo model, scoring pairs with Tribuo's own predict (the
 * reference the ONNX export is checked against).
 */
public record PropensityModel(FeatureEncoder encoder, XGBoostModel<Label> model) {

    public static final String POSITIVE = "1";
    public static final String NEGATIVE = "0";

    /** The model's input names in feature-id order: the columns of the ONNX input. */
    public List<String> inputNames() {
        ImmutableFeatureMap map = model.getFeatureIDMap();
        List<String> names = new ArrayList<>(map.size());
        for (int id = 0; id < map.size(); id++) {
            names.add(map.get(id).getName());
        }
        return names;
    }

    /** Tribuo examples of the rows, labelled negative: Tribuo's prediction ignores the label of what it scores. */
    public List<Example<Label>> examples(List<ScoringRow> rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.size());
        for (ScoringRow row : rows) {
            examples.add(example(encoder.encode(row), new Label(NEGATIVE), 1f));
        }
        return examples;
    }

    public double[] predict(List<ScoringRow> rows) {
        List<Prediction<Label>> predictions = model.predict(examples(rows));
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            Map<String, Label> byName = predictions.get(i).getOutputScores();
            scores[i] = byName.get(POSITIVE).getScore();
        }
        return scores;
    }

    static ArrayExample<Label> example(EncodedRow encoded, Label label, float weight) {
        ArrayExample<Label> example = new ArrayExample<>(label, encoded.names(), encoded.values());
        example.setWeight(weight);
        return example;
    }
}
