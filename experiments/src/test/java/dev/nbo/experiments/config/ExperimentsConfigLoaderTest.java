package dev.nbo.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.InvalidConfigException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExperimentsConfigLoaderTest {
    private static final String VALID = """
            holdout_percent: 5
            attribution: {window_days: 3}
            experiments:
              - name: recs
                block: recs
                salt: s1
                start: 2026-12-01
                end: 2027-01-01T12:00:00Z
                arms:
                  - {name: model, strategy: model}
                  - {name: control, offers: [OFF-1, OFF-2], weight: 0.5}
            """;

    private static ExperimentsConfig parse(String yaml) {
        return ExperimentsConfigLoader.parse("experiments.yaml", yaml, Set.of("recs", "promo")::contains,
                Set.of("OFF-1", "OFF-2")::contains);
    }

    @Test
    void readsEveryField() {
        ExperimentsConfig config = parse(VALID);
        assertThat(config.holdoutPercent()).isEqualTo(5);
        assertThat(config.attributionWindow()).isEqualTo(Duration.ofDays(3));
        ExperimentSpec recs = config.experiment("recs").orElseThrow();
        assertThat(recs.start()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(recs.end()).isEqualTo(Instant.parse("2027-01-01T12:00:00Z"));
        assertThat(recs.control()).isEqualTo("control");
        assertThat(recs.arms()).extracting(ArmSpec::strategyName).containsExactly("model", "fixed");
        assertThat(recs.arm("control").orElseThrow().fixedOffers()).containsExactly("OFF-1", "OFF-2");
        assertThat(recs.share("model")).isEqualTo(1 / 1.5);
    }

    @Test
    void anEmptyFileMeansNoExperiments() {
        assertThat(parse("experiments: []").experiments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown block    | block: recs           | block: nope                            | block 'nope' is not defined
            bad strategy     | strategy: model}      | strategy: magic}                       | 'magic' is not a strategy
            unknown offer    | [OFF-1, OFF-2]        | [OFF-1, OFF-9]                         | offer 'OFF-9' is not in the offer catalog
            zero weight      | weight: 0.5           | weight: 0                              | must be more than 0
            end before start | end: 2027-01-01T12:00:00Z | end: 2026-11-01                    | must be after start
            bad date         | start: 2026-12-01     | start: 1 Dec                           | is not a date
            typo field       | salt: s1              | slat: s1                               | unknown field
            holdout too big  | holdout_percent: 5    | holdout_percent: 80                    | must be between 0 and 50
            bad name         | name: recs            | name: Recs Test                        | is not a valid name
            """)
    void refusesWithFileLineAndWhatToFix(String name, String from, String to, String message) {
        String yaml = VALID.replace(from, to);
        assertThat(yaml).isNotEqualTo(VALID);
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("experiments.yaml:").hasMessageContaining(message);
    }

    @Test
    void refusesOverlapsOnOneBlockAMissingControlAndAnUnknownOverrideArm() {
        String second = """
                  - name: recs-2
                    block: recs
                    salt: s2
                    start: 2026-12-15
                    end: 2027-02-01
                    arms:
                      - {name: model, strategy: model}
                      - {name: control, offers: [OFF-1]}
                """;
        assertThatThrownBy(() -> parse(VALID + second)).hasMessageContaining("overlaps 'recs'");
        assertThatThrownBy(() -> parse(VALID.replace("name: control", "name: base")))
                .hasMessageContaining("is required unless an arm is named 'control'");
        assertThatThrownBy(() -> parse(VALID + "    overrides: {C1: ghost}\n"))
                .hasMessageContaining("arm 'ghost' is not an arm of experiment recs");
        assertThatThrownBy(() -> parse(VALID.replace("  - {name: control, offers: [OFF-1, OFF-2], weight: 0.5}\n",
                ""))).hasMessageContaining("at least 2 arms");
    }
}
