package dev.nbo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.offer.OfferCatalog;
import org.junit.jupiter.api.Test;

/**
 * Serving stays lean: it reads the shared contract from models, and neither Spark nor Hadoop can reach its
 * classpath (architecture: "Keep serving lean: no Spark, no Hadoop on its classpath").
 */
class ServingClasspathTest {
    @Test
    void neitherSparkNorHadoopIsOnTheClasspath() {
        for (String type : new String[] {"org.apache.spark.sql.SparkSession", "org.apache.hadoop.conf.Configuration",
                "scala.collection.Seq"}) {
            assertThatThrownBy(() -> Class.forName(type)).as(type).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theSharedContractLoadsFromModels() {
        FeatureSpec spec = FeatureSpec.load(ProjectFiles.config("features.yaml"));
        OfferCatalog offers = OfferCatalog.load(ProjectFiles.config("offers.yaml"));

        assertThat(spec.hash()).hasSize(64);
        assertThat(offers.size()).isPositive();
    }
}
