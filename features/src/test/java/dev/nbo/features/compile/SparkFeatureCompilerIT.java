package dev.nbo.features.compile;

import static dev.nbo.models.fixture.FeatureValueAssert.assertFeatureValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.features.spark.Progress;
import dev.nbo.features.testing.FixtureWarehouse;
import dev.nbo.features.testing.SnapshotValues;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.validation.ValidatedWarehouse;
import dev.nbo.features.validation.WarehouseValidator;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.FeatureFixture;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark compiler computes the hand-worked values of {@link FeatureFixture}, for every aggregation kind. */
class SparkFeatureCompilerIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 10);
    private static SparkFeatureCompiler compiler;
    private static FeatureSpec spec;

    @BeforeAll
    static void compileTheFixture(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        FixtureWarehouse.write(spark, dir.resolve("warehouse"));
        Progress quiet = new Progress(new PrintStream(OutputStream.nullOutputStream()), 10);
        ValidatedWarehouse validated = new WarehouseValidator(new Warehouse(spark, dir.resolve("warehouse").toString()),
                dir.resolve("out").toString(), quiet).validate();
        spec = FeatureFixture.spec();
        SourceViews views = new SourceViews(validated,
                OfferTable.read("offers", validated.table(WarehouseTable.OFFERS)));
        compiler = new SparkFeatureCompiler(spec, views);
    }

    @Test
    void everyEntitySnapshotHoldsTheHandWorkedValues() {
        for (Entity entity : Entity.values()) {
            Map<EntityKey, Map<String, Object>> actual =
                    SnapshotValues.read(spec, entity, compiler.snapshot(entity, List.of(AS_OF)));
            FeatureFixture.expected().forEach((key, features) -> {
                if (key.entity() != entity) {
                    return;
                }
                assertThat(actual).as("%s is in the %s snapshot", key, entity).containsKey(key);
                features.forEach((name, expected) -> assertFeatureValue(key + " " + name, actual.get(key).get(name), expected));
            });
            actual.forEach((key, features) -> {
                if (!FeatureFixture.expected().containsKey(key)) {
                    for (FeatureDefinition feature : spec.features(entity)) {
                        assertThat(features.get(feature.name())).as("%s %s", key, feature.name())
                                .isEqualTo(spec.emptyValueOf(feature));
                    }
                }
            });
        }
    }

    @Test
    void sparseEntitiesHoldOnlyKeysWithDataInTheirWindows() {
        Map<EntityKey, Map<String, Object>> categories = SnapshotValues.read(spec, Entity.CUSTOMER_CATEGORY,
                compiler.snapshot(Entity.CUSTOMER_CATEGORY, List.of(AS_OF)));
        // c2's running view (e12) happens at the as-of time and c3's yoga view is outside every window
        assertThat(categories.keySet()).containsExactlyInAnyOrder(
                EntityKey.customerCategory("c1", "running"), EntityKey.customerCategory("c1", "golf"),
                EntityKey.customerCategory("c1", "yoga"), EntityKey.customerCategory("c2", "golf"));
    }

    @Test
    void customersAppearFromTheirSignupOn() {
        Map<EntityKey, Map<String, Object>> early = SnapshotValues.read(spec, Entity.CUSTOMER,
                compiler.snapshot(Entity.CUSTOMER, List.of(LocalDate.of(2025, 2, 1))));
        // c2 signed up on 2025-03-01
        assertThat(early.keySet()).containsExactlyInAnyOrder(EntityKey.customer("c1"), EntityKey.customer("c3"));
    }
}
