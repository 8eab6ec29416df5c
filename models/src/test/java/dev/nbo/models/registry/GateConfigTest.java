package dev.nbo.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateConfigTest {
    @Test
    void aMissingSectionGivesTheDefaults() {
        GateConfig config = read("other: 1\n");

        assertThat(config).isEqualTo(GateConfig.DEFAULT);
        assertThat(config).isEqualTo(new GateConfig("ndcg@3", 0.0, true, 0, PromotionPolicy.AUTO));
    }

    @Test
    void readsEveryField() {
        GateConfig config = read("""
                promotion:
                  metric: hit_rate@5
                  margin: 0.002
                  better: higher
                  min_holdout_rows: 5000
                  policy: never
                """);

        assertThat(config).isEqualTo(new GateConfig("hit_rate@5", 0.002, true, 5000, PromotionPolicy.NEVER));
    }

    @Test
    void aLossImprovesDownwardsUnlessToldOtherwise() {
        assertThat(read("promotion: {metric: log_loss}").higherIsBetter()).isFalse();
        assertThat(read("promotion: {metric: auc}").higherIsBetter()).isTrue();
        assertThat(read("promotion: {metric: log_loss, better: higher}").higherIsBetter()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field    | {metrik: auc}              | t.yaml:1: promotion.metrik: unknown field; the known fields here are metric, margin, better, min_holdout_rows, policy
            bad metric       | {metric: 'NDCG at 3'}      | t.yaml:1: promotion.metric: 'NDCG at 3' is not a metric name
            margin text      | {margin: small}            | t.yaml:1: promotion.margin: 'small' is not a number
            negative margin  | {margin: -0.01}            | t.yaml:1: promotion.margin: -0.01 is negative
            bad direction    | {better: bigger}           | t.yaml:1: promotion.better: 'bigger' is not higher or lower
            fractional rows  | {min_holdout_rows: 10.5}   | t.yaml:1: promotion.min_holdout_rows: '10.5' is not a whole number
            negative rows    | {min_holdout_rows: -1}     | t.yaml:1: promotion.min_holdout_rows: -1 is negative
            bad policy       | {policy: sometimes}        | t.yaml:1: promotion.policy: promotion policy 'sometimes' is not known; use one of auto, never, force
            a list           | [auc]                      | t.yaml:1: promotion: must be a mapping
            """)
    void refusesBadValuesNamingTheField(String name, String section, String message) {
        assertThatThrownBy(() -> read("promotion: " + section))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void policiesReadTheirCommandLineNames() {
        assertThat(PromotionPolicy.fromWireName("FORCE")).isEqualTo(PromotionPolicy.FORCE);
        assertThat(PromotionPolicy.AUTO.wireName()).isEqualTo("auto");
    }

    private static GateConfig read(String yaml) {
        return GateConfig.read(ConfigNode.parse("t.yaml", yaml).field("promotion"));
    }
}
