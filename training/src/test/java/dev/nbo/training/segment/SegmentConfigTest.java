package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.fixture.ProjectFiles;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentConfigTest {
    private static SegmentConfig parse(String segmentsSection) {
        ConfigNode root = ConfigNode.parse("train.yaml", "model: propensity\nsegments:\n" + segmentsSection);
        return SegmentConfig.from(root.required("segments"));
    }

    @Test
    void fillsTheDefaultsAroundARequiredSeed() {
        SegmentConfig config = parse("  seed: 42\n");

        assertThat(config).isEqualTo(SegmentConfig.defaults(42));
        assertThat(config.k()).isEmpty();
        assertThat(config.kMin()).isEqualTo(3);
        assertThat(config.kMax()).isEqualTo(8);
        assertThat(config.maxIterations()).isEqualTo(100);
        assertThat(config.restarts()).isEqualTo(5);
        assertThat(config.selectionSample()).isEqualTo(5_000);
        assertThat(config.features()).isEmpty();
        assertThat(config.candidateKs()).containsExactly(3, 4, 5, 6, 7, 8);
    }

    @Test
    void readsEveryField() {
        SegmentConfig config = parse("""
                  seed: 7
                  k_min: 2
                  k_max: 4
                  max_iterations: 50
                  restarts: 2
                  selection_sample: 1000
                  features: [spend_365d, days_since_last_purchase]
                """);

        assertThat(config).isEqualTo(new SegmentConfig(OptionalInt.empty(), 2, 4, 7, 50, 2, 1000,
                List.of("spend_365d", "days_since_last_purchase")));
        assertThat(config.candidateKs()).containsExactly(2, 3, 4);
    }

    @Test
    void aFixedKIsTheOnlyCandidate() {
        SegmentConfig config = parse("  seed: 7\n  k: 5\n");

        assertThat(config.k()).hasValue(5);
        assertThat(config.candidateKs()).containsExactly(5);
    }

    @Test
    void theDocumentedExampleParses() throws Exception {
        String doc = Files.readString(ProjectFiles.root().resolve("docs/segments.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));

        SegmentConfig config = SegmentConfig.from(ConfigNode.parse("docs/segments.md", yaml).required("segments"));

        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.candidateKs()).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(config.features()).hasSize(6).contains("spend_365d", "tenure_days");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            negative k          | seed: 1;k: -2                  | train.yaml:4: segments.k: k = -2 is not a number of segments; use 2 or more
            k of one            | seed: 1;k: 1                   | train.yaml:4: segments.k: k = 1 is not a number of segments; use 2 or more
            k not a number      | seed: 1;k: five                | train.yaml:4: segments.k: 'five' is not a whole number
            k_min above k_max   | seed: 1;k_min: 6;k_max: 4      | train.yaml:5: segments.k_max: k_max = 4 is below k_min = 6; k_max must be at least k_min
            k_min above default | seed: 1;k_min: 9               | train.yaml:4: segments.k_min: k_max = 8 is below k_min = 9; k_max must be at least k_min
            k_min of one        | seed: 1;k_min: 1               | train.yaml:4: segments.k_min: k_min = 1 is too small; the silhouette that chooses k needs at least 2 segments
            k and a range       | seed: 1;k: 4;k_max: 6          | train.yaml:4: segments.k: give either k (a fixed number of segments) or k_min/k_max (a range to choose from), not both
            missing seed        | k: 4                           | train.yaml:3: segments.seed: is required: the seed that makes segments reproducible, e.g. seed: 42
            seed not a number   | seed: abc                      | train.yaml:3: segments.seed: 'abc' is not a whole number
            zero iterations     | seed: 1;max_iterations: 0      | train.yaml:4: segments.max_iterations: max_iterations = 0 must be at least 1
            zero restarts       | seed: 1;restarts: 0            | train.yaml:4: segments.restarts: restarts = 0 must be at least 1
            tiny sample         | seed: 1;selection_sample: 10   | train.yaml:4: segments.selection_sample: selection_sample = 10 is too small to compare k values; use 50 or more (default 5000)
            feature twice       | seed: 1;features: [a, b, a]    | train.yaml:4: segments.features: feature 'a' is listed twice; list each once
            unknown field       | seed: 1;kmax: 6                | train.yaml:4: segments.kmax: unknown field; the known fields here are seed, k, k_min, k_max, max_iterations, restarts, selection_sample, features
            """)
    void refusesABadValueNamingTheFileLineAndField(String title, String lines, String message) {
        String section = "  " + lines.replace(";", "\n  ") + "\n";

        assertThatThrownBy(() -> parse(section))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage(message);
    }

    @Test
    void theRecordRefusesBadValuesToo() {
        assertThatThrownBy(() -> SegmentConfig.defaults(1).withK(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k = 0 is not a number of segments; use 2 or more");
        assertThatThrownBy(() -> SegmentConfig.defaults(1).withKRange(5, 4))
                .hasMessage("k_max = 4 is below k_min = 5; k_max must be at least k_min");
    }
}
