package dev.nbo.training.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Seeded binary problems for the export tests. Features {@code f0..f(n-1)} (names that sort in index order, so a
 * feature's id is its index) get values from {@code value}; the label is drawn from a logistic model whose weights
 * alternate in sign, in which an absent feature counts as a fixed shift, so that the trees learn something from
 * both values and absences.
 */
final class SyntheticBinaryData {
    static final LabelFactory LABELS = new LabelFactory();

    private final Random random;
    private final int features;
    private final double absentRate;
    private final ToDoubleFunction<Random> value;

    /**
     * @param absentRate the probability that a feature is absent from an example (one feature is always present)
     * @param value      draws one feature value
     */
    SyntheticBinaryData(long seed, int features, double absentRate, ToDoubleFunction<Random> value) {
        this.random = new Random(seed);
        this.features = features;
        this.absentRate = absentRate;
        this.value = value;
    }

    /** Gaussian features, none absent. */
    static SyntheticBinaryData gaussian(long seed, int features) {
        return new SyntheticBinaryData(seed, features, 0, Random::nextGaussian);
    }

    static String name(int feature) {
        return String.format("f%02d", feature);
    }

    List<Example<Label>> examples(int rows) {
        List<Example<Label>> examples = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            double logit = 0;
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            int alwaysPresent = random.nextInt(features);
            for (int j = 0; j < features; j++) {
                double weight = (j % 2 == 0 ? 1.0 : -1.0) * (1.0 + 0.25 * j);
                if (j != alwaysPresent && random.nextDouble() < absentRate) {
                    logit += 0.8 * weight;
                } else {
                    double x = value.applyAsDouble(random);
                    names.add(name(j));
                    values.add(x);
                    logit += weight * x;
                }
            }
            String label = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? "1" : "0";
            ArrayExample<Label> example = new ArrayExample<>(new Label(label));
            for (int j = 0; j < names.size(); j++) {
                example.add(names.get(j), values.get(j));
            }
            examples.add(example);
        }
        return examples;
    }

    static MutableDataset<Label> dataset(List<Example<Label>> examples) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic", LABELS),
                LABELS);
        for (Example<Label> example : examples) {
            dataset.add(example.copy());
        }
        return dataset;
    }

    static XGBoostModel<Label> train(List<Example<Label>> examples, int rounds, int maxDepth) {
        return trainer(rounds, maxDepth).train(dataset(examples));
    }

    static XGBoostClassificationTrainer trainer(int rounds, int maxDepth) {
        return new XGBoostClassificationTrainer(rounds, 0.3, 0, maxDepth, 1, 1, 1, 1, 0, 1, true, 7L);
    }
}
