package dev.nbo.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.junit.jupiter.api.Test;

/**
 * The exported tree ensemble scores like Tribuo, row for row, on every shape of booster that training can
 * produce. Each check also asserts that the ONNX propensities vary, so that an export that ignores its input
 * cannot pass.
 */
class TreeEnsembleOnnxExporterTest {

    @Test
    void scoresLikeTribuoWithSeveralFeaturesIncludingRowsOnEveryThreshold() throws Exception {
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(11, 6);
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(2000), 40, 4);
        List<Example<Label>> holdout = data.examples(1000);
        BoosterSplits splits = BoosterSplits.of(model);

        assertParity(model, concat(holdout, splits.nearTieRows(holdout)), 100);
    }

    @Test
    void writesEveryThresholdAsTheBoostersExactFloat() throws Exception {
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(12, 5);
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(1500), 20, 5);

        byte[] onnx = export(model);

        List<Float> expected = BoosterSplits.of(model).thresholds();
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(sorted(BoosterSplits.onnxThresholds(onnx))).isEqualTo(sorted(expected));
    }

    @Test
    void scoresLikeTribuoWithTwoHundredRounds() throws Exception {
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(13, 8);
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(2000), 200, 3);

        assertThat(BoosterSplits.of(model).trees()).isEqualTo(400);
        assertParity(model, data.examples(1000), 200);
    }

    @Test
    void routesMissingValuesInTheBoostersDefaultDirection() throws Exception {
        // A third of the present values are exactly 0: present zeros and absent features must route differently.
        SyntheticBinaryData data = new SyntheticBinaryData(14, 6, 0.4,
                random -> random.nextInt(3) == 0 ? 0.0 : random.nextGaussian());
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(2500), 40, 4);
        List<Example<Label>> holdout = data.examples(1000);

        float[][] matrix = FeatureMatrix.of(holdout, model.getFeatureIDMap());
        int nanCells = 0;
        int zeroCells = 0;
        for (float[] row : matrix) {
            for (float cell : row) {
                nanCells += Float.isNaN(cell) ? 1 : 0;
                zeroCells += cell == 0f ? 1 : 0;
            }
        }
        assertThat(nanCells).as("missing cells in the parity matrix").isGreaterThan(1500);
        assertThat(zeroCells).as("present zeros in the parity matrix").isGreaterThan(1000);
        // Both default directions occur, so a constant nodes_missing_value_tracks_true would break parity.
        Set<Boolean> directions = new HashSet<>();
        BoosterTrees trees = BoosterTrees.parse(model.getInnerModels().get(0).toByteArray("json"));
        for (BoosterTrees.Tree tree : trees.trees()) {
            for (int node = 0; node < tree.size(); node++) {
                if (!tree.isLeaf(node)) {
                    directions.add(tree.defaultLeft()[node]);
                }
            }
        }
        assertThat(directions).containsExactlyInAnyOrder(true, false);

        assertParity(model, concat(holdout, BoosterSplits.of(model).nearTieRows(holdout)), 100);
    }

    @Test
    void scoresLikeTribuoWithASingleRound() throws Exception {
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(15, 4);
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(1000), 1, 6);

        assertThat(BoosterSplits.of(model).trees()).as("one tree per class").isEqualTo(2);
        assertParity(model, data.examples(500), 10);
    }

    @Test
    void scoresLikeTribuoWithStumps() throws Exception {
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(16, 5);
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(1500), 30, 1);

        BoosterSplits splits = BoosterSplits.of(model);
        assertThat(splits.splits()).as("one split per tree").hasSize(splits.trees());
        assertParity(model, data.examples(500), 10);
    }

    @Test
    void readsFeaturesThatNoTreeSplitsOn() throws Exception {
        // f00..f02 carry the signal; f03 is constant and f04 pure noise drawn after the label.
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(17, 3);
        Random noise = new Random(170);
        List<Example<Label>> train = withConstantAndNoise(data.examples(1500), noise);
        XGBoostModel<Label> model = SyntheticBinaryData.train(train, 20, 3);

        assertThat(model.getFeatureIDMap().size()).isEqualTo(5);
        assertThat(BoosterSplits.of(model).splits()).extracting(BoosterSplits.Split::feature).doesNotContain(3);
        try (OnnxModelSession session = OnnxModelSession.open(export(model), "unused-features model")) {
            assertThat(session.width()).isEqualTo(5);
        }
        assertParity(model, withConstantAndNoise(data.examples(500), noise), 20);
    }

    @Test
    void routesRowsExactlyOnRepresentableThresholdsLikeXgboost() throws Exception {
        // Integer features: the exact tree method splits half-way, at thresholds like 3.5 that float holds exactly.
        SyntheticBinaryData data = new SyntheticBinaryData(18, 4, 0.1, random -> random.nextInt(10));
        XGBoostModel<Label> model = SyntheticBinaryData.train(data.examples(2000), 20, 3);
        BoosterSplits splits = BoosterSplits.of(model);

        assertThat(splits.thresholds()).isNotEmpty()
                .allSatisfy(t -> assertThat(2 * t).isEqualTo((float) Math.rint(2 * t)));
        List<Example<Label>> onThresholds = splits.nearTieRows(data.examples(200));
        assertParity(model, onThresholds, 10);
    }

    @Test
    void readsTheBoostersClassOfLabelOneFromTheModelsOutputInfo() throws Exception {
        SyntheticBinaryData data = SyntheticBinaryData.gaussian(19, 4);
        MutableDataset<Label> train = SyntheticBinaryData.dataset(data.examples(1500));
        ImmutableOutputInfo<Label> reversed = SyntheticBinaryData.LABELS.constructInfoForExternalModel(
                Map.of(new Label("1"), 0, new Label("0"), 1));
        XGBoostModel<Label> model = SyntheticBinaryData.trainer(20, 3)
                .train(ImmutableDataset.copyDataset(train, train.getFeatureIDMap(), reversed));

        assertThat(model.getOutputIDInfo().getID(new Label("1"))).isZero();
        assertParity(model, data.examples(500), 50);
    }

    @Test
    void refusesAModelWithMoreThanTwoLabels() {
        List<Example<Label>> examples = SyntheticBinaryData.gaussian(20, 3).examples(300);
        for (int i = 0; i < examples.size(); i += 3) {
            examples.set(i, relabel(examples.get(i), "2"));
        }
        XGBoostModel<Label> model = SyntheticBinaryData.train(examples, 2, 2);

        assertThatThrownBy(() -> export(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only binary models with labels \"0\" and \"1\"");
    }

    @Test
    void refusesAModelWhoseLabelsAreNotZeroAndOne() {
        List<Example<Label>> examples = new ArrayList<>();
        for (Example<Label> example : SyntheticBinaryData.gaussian(21, 3).examples(300)) {
            examples.add(relabel(example, example.getOutput().getLabel().equals("1") ? "yes" : "no"));
        }
        XGBoostModel<Label> model = SyntheticBinaryData.train(examples, 2, 2);

        assertThatThrownBy(() -> export(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[no, yes]").hasMessageContaining("only binary models");
    }

    @Test
    void refusesMetadataWhoseFeaturesAreNotTheModels() {
        XGBoostModel<Label> model = SyntheticBinaryData.train(SyntheticBinaryData.gaussian(22, 3).examples(300), 2, 2);
        OnnxModelMetadata reordered = new OnnxModelMetadata(List.of("f01", "f00", "f02"), "hash", "v1", "{}");

        assertThatThrownBy(() -> TreeEnsembleOnnxExporter.export(model, reordered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[f01, f00, f02]").hasMessageContaining("[f00, f01, f02]");
    }

    private static byte[] export(XGBoostModel<Label> model) {
        return TreeEnsembleOnnxExporter.export(model, OnnxModelMetadata.of(model, "spec-hash", "test"));
    }

    /** Exports, scores {@code rows} with ONNX Runtime and Tribuo, and asserts they agree and vary. */
    private static void assertParity(XGBoostModel<Label> model, List<Example<Label>> rows, int minDistinct) {
        try (OnnxModelSession session = OnnxModelSession.open(export(model), "exported model")) {
            PropensityParity parity = OnnxParity.propensity(session, model, rows);

            assertThat(parity.rows()).isEqualTo(rows.size());
            assertThat(parity.maxAbsDiff()).as("max |ONNX - Tribuo| at row %d", parity.worstRow())
                    .isLessThanOrEqualTo(1e-5);
            assertThat(parity.passes()).isTrue();
            Set<Float> distinct = new HashSet<>();
            for (float score : session.propensities(FeatureMatrix.of(rows, model.getFeatureIDMap()))) {
                distinct.add(score);
            }
            assertThat(distinct).as("distinct ONNX propensities").hasSizeGreaterThanOrEqualTo(minDistinct);
        }
    }

    private static List<Example<Label>> withConstantAndNoise(List<Example<Label>> examples, Random noise) {
        List<Example<Label>> rows = new ArrayList<>();
        for (Example<Label> example : examples) {
            Example<Label> row = example.copy();
            row.add(new org.tribuo.Feature(SyntheticBinaryData.name(3), 1.0));
            row.add(new org.tribuo.Feature(SyntheticBinaryData.name(4), noise.nextGaussian()));
            rows.add(row);
        }
        return rows;
    }

    private static Example<Label> relabel(Example<Label> example, String label) {
        ArrayExample<Label> copy = new ArrayExample<>(new Label(label));
        example.forEach(feature -> copy.add(feature.getName(), feature.getValue()));
        return copy;
    }

    private static List<Example<Label>> concat(List<Example<Label>> a, List<Example<Label>> b) {
        List<Example<Label>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Float> sorted(List<Float> values) {
        return values.stream().sorted().toList();
    }
}
