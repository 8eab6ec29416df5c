package dev.nbo.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import org.junit.jupiter.api.Test;

/** Training reads the shared contract from models: the shipped specs give a model numeric inputs. */
class TrainingContractTest {
    @Test
    void theShippedSpecsOfferNumericFeaturesForEveryModelInput() {
        for (String file : new String[] {"features.yaml", "online-retail/features.yaml"}) {
            FeatureSpec spec = FeatureSpec.load(ProjectFiles.config(file));
            long numeric = spec.features().stream().filter(f -> f.type().isNumeric()).count();
            assertThat(numeric).as(file).isGreaterThanOrEqualTo(20);
            assertThat(spec.features()).extracting(FeatureDefinition::name).doesNotHaveDuplicates();
        }
    }
}
