package dev.nbo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import org.junit.jupiter.api.Test;

/**
 * Training reads the shared contract from models and does not drag the Spark runtime in: training pairs are
 * Parquet files the pipeline wrote, not a Spark job.
 */
class TrainingClasspathTest {
    @Test
    void sparkIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession"))
                .isInstanceOf(ClassNotFoundException.class);
    }

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
