package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nbo.models.aggregate.FeatureValue;
import java.util.Map;

/** Compares served feature values with directly computed ones: counts and text exactly, doubles to 1e-9. */
final class FeatureParity {
    private FeatureParity() {
    }

    static void assertSameValues(String what, Map<String, FeatureValue> actual, Map<String, FeatureValue> expected) {
        assertThat(actual.keySet()).as(what).containsExactlyElementsOf(expected.keySet());
        expected.forEach((name, want) -> {
            FeatureValue got = actual.get(name);
            assertThat(got.status()).as("%s %s status", what, name).isEqualTo(want.status());
            if (want.value() instanceof Double d) {
                assertThat(got.value()).as("%s %s", what, name).isInstanceOf(Double.class);
                assertThat((Double) got.value()).as("%s %s", what, name)
                        .isCloseTo(d, within(Math.max(1.0, Math.abs(d)) * 1e-9));
            } else {
                assertThat(got.value()).as("%s %s", what, name).isEqualTo(want.value());
            }
        });
    }
}
