package dev.nbo.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class FeatureMatrixTest {
    private static final ImmutableFeatureMap FEATURES = featureMap("zeta", "alpha", "mid");

    @Test
    void ordersColumnsByFeatureIdNotByInsertion() {
        List<String> names = FeatureMatrix.columnNames(FEATURES);

        assertThat(names).containsExactlyInAnyOrder("zeta", "alpha", "mid");
        for (int j = 0; j < names.size(); j++) {
            assertThat(FEATURES.getID(names.get(j))).isEqualTo(j);
        }
    }

    @Test
    void keepsPresentZerosAndMarksAbsentFeaturesAsNaN() {
        ArrayExample<Label> example = new ArrayExample<>(new Label("1"));
        example.add("alpha", 0.0);
        example.add("zeta", 2.5);
        example.add("unknown", 7.0);

        float[] row = FeatureMatrix.of(List.<Example<Label>>of(example), FEATURES)[0];

        assertThat(row).hasSize(3);
        assertThat(row[FEATURES.getID("alpha")]).isEqualTo(0f);
        assertThat(row[FEATURES.getID("zeta")]).isEqualTo(2.5f);
        assertThat(row[FEATURES.getID("mid")]).isNaN();
    }

    private static ImmutableFeatureMap featureMap(String... names) {
        MutableFeatureMap map = new MutableFeatureMap();
        for (String name : names) {
            map.add(name, 1.0);
        }
        return new ImmutableFeatureMap(map);
    }
}
