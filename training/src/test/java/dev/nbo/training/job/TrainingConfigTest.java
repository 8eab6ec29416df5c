package dev.nbo.training.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.registry.PromotionPolicy;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void theShippedConfigParses() {
        TrainingConfig config = TrainingConfig.load(ProjectFiles.config("training.yaml"));
        assertThat(config.modelName()).isEqualTo("propensity");
        assertThat(config.model().seed()).isEqualTo(42);
        assertThat(config.model().trees()).isEqualTo(75);
        assertThat(config.model().maxDepth()).isEqualTo(3);
        assertThat(config.model().threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.holdoutDates()).isEqualTo(1);
        assertThat(config.segments().kMin()).isEqualTo(3);
        assertThat(config.promotion().metric()).isEqualTo("ndcg@3");
        assertThat(config.promotion().policy()).isEqualTo(PromotionPolicy.AUTO);
    }

    @Test
    void onlyTheSeedIsRequired() {
        TrainingConfig config = TrainingConfig.parse("t.yaml", "model: {seed: 5}\n");
        assertThat(config.model().trees()).isEqualTo(75);
        assertThat(config.model().maxDepth()).isEqualTo(3);
        assertThat(config.model().eta()).isEqualTo(0.1);
        assertThat(config.encoder().maxValues()).isEqualTo(30);
        assertThat(config.baselineSeed()).isEqualTo(5);
        assertThat(config.buyAgainFeature()).isEmpty();
        assertThat(config.segments().seed()).isEqualTo(5);
    }

    @Test
    void refusesAMissingSeed() {
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model: {trees: 10}\n"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("t.yaml").hasMessageContaining("seed");
    }

    @Test
    void refusesBadValuesNamingTheField() {
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model: {seed: 1, eta: 2}\n"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("eta").hasMessageContaining("2");
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model: {seed: 1}\nholdout: {dates: 0}\n"))
                .hasMessageContaining("holdout.dates");
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model: {seed: 1}\nencoder: {min_count: 0}\n"))
                .hasMessageContaining("min_count");
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model_name: Bad Name\nmodel: {seed: 1}\n"))
                .hasMessageContaining("Bad Name");
    }

    @Test
    void refusesUnknownFields() {
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model: {seed: 1, tress: 10}\n"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tress");
        assertThatThrownBy(() -> TrainingConfig.parse("t.yaml", "model: {seed: 1}\nholdouts: {dates: 2}\n"))
                .hasMessageContaining("holdouts");
    }
}
