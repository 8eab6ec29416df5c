package dev.nbo.features.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.features.compile.SourceViews;
import dev.nbo.features.compile.SparkFeatureCompiler;
import dev.nbo.features.pairs.NegativeSampling;
import dev.nbo.features.pairs.TrainingPairBuilder;
import dev.nbo.features.testing.FixtureWarehouse;
import dev.nbo.features.testing.QuietProgress;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.validation.ValidatedWarehouse;
import dev.nbo.features.validation.WarehouseValidator;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Window;
import dev.nbo.models.fixture.FeatureFixture;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leakage: a snapshot at t sees only rows that happened and arrived strictly before t; a label sees only purchases
 * in [t, t + horizon). Each test changes the fixture warehouse around t and checks what must not move.
 */
class PointInTimeIT {
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 10);
    private static final Window HORIZON = Window.parse("2d");
    private final SparkSession spark = SparkTestSession.get();
    private final FeatureSpec spec = FeatureFixture.spec();

    @Test
    void rowsAtOrAfterTheAsOfTimeOrArrivingLaterNeverChangeTheSnapshot(@TempDir Path dir) {
        SourceViews original = views(dir.resolve("a"), extra -> { });
        SourceViews changed = views(dir.resolve("b"), w -> {
            w.events.add(event("x1", "c1", "2025-03-10T00:00:00Z", "page_view", "RUN-1", "2025-03-10T00:00:00Z"));
            w.events.add(event("x2", "c3", "2025-03-10T08:00:00Z", "page_view", "GLF-1", "2025-03-10T08:00:00Z"));
            // happened before t but arrived after it: not known at t
            w.events.add(event("x3", "c3", "2025-03-09T23:00:00Z", "page_view", "YOG-1", "2025-03-10T00:00:01Z"));
            w.events.add(event("x4", "c2", "2025-03-09T22:00:00Z", "email_click", null, "2025-03-12T00:00:00Z"));
            w.orders.add(RowFactory.create("x-ord", "c3", ts("2025-03-10T00:00:00Z"), "purchase"));
            w.items.add(RowFactory.create("x-ord", 1, "GLF-1", 1, 200.0));
        });
        for (Entity entity : Entity.values()) {
            assertThat(snapshot(changed, entity).collectAsList()).as(entity.wireName())
                    .containsExactlyInAnyOrderElementsOf(snapshot(original, entity).collectAsList());
        }
    }

    @Test
    void aPurchaseBeforeTheAsOfTimeNeverMakesALabelAndOneAtItDoes(@TempDir Path dir) {
        SourceViews views = views(dir, w -> {
            // c3 buys running just before t (a feature, not a label), golf at t (in the label window)
            w.orders.add(RowFactory.create("before", "c3", ts("2025-03-09T23:59:59Z"), "purchase"));
            w.items.add(RowFactory.create("before", 1, "RUN-2", 1, 50.0));
            w.orders.add(RowFactory.create("at", "c1", ts("2025-03-10T00:00:00Z"), "purchase"));
            w.items.add(RowFactory.create("at", 1, "GLF-1", 1, 200.0));
            // at t + horizon: outside [t, t + 2d)
            w.orders.add(RowFactory.create("after", "c3", ts("2025-03-12T00:00:00Z"), "purchase"));
            w.items.add(RowFactory.create("after", 1, "RUN-1", 1, 100.0));
        });
        Map<Entity, Dataset<Row>> snapshots = new EnumMap<>(Entity.class);
        for (Entity entity : Entity.values()) {
            snapshots.put(entity, snapshot(views, entity));
        }
        List<String> positives = new TrainingPairBuilder(spec, views)
                .build(List.of(AS_OF), HORIZON, NegativeSampling.none(), snapshots)
                .filter("label = 1").select("customer_id", "offer_id").collectAsList().stream()
                .map(r -> r.getString(0) + "/" + r.getString(1)).toList();

        assertThat(positives).containsExactlyInAnyOrder("c1/o-golf", "c2/o-run", "c2/o-shoe");
    }

    private Dataset<Row> snapshot(SourceViews views, Entity entity) {
        return new SparkFeatureCompiler(spec, views).snapshot(entity, List.of(AS_OF));
    }

    /** The fixture warehouse plus whatever {@code change} adds, validated. */
    private SourceViews views(Path dir, Consumer<ExtraRows> change) {
        Path root = FixtureWarehouse.write(spark, dir.resolve("warehouse"));
        ExtraRows extra = new ExtraRows();
        change.accept(extra);
        FixtureWarehouse w = new FixtureWarehouse(spark, root);
        append(root, WarehouseTable.EVENTS, extra.events, w);
        append(root, WarehouseTable.ORDERS, extra.orders, w);
        append(root, WarehouseTable.ORDER_ITEMS, extra.items, w);
        ValidatedWarehouse validated = new WarehouseValidator(new Warehouse(spark, root.toString()),
                dir.resolve("out").toString(), QuietProgress.create()).validate();
        return new SourceViews(validated, OfferTable.read("offers", validated.table(WarehouseTable.OFFERS)));
    }

    private void append(Path root, WarehouseTable table, List<Row> rows, FixtureWarehouse w) {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> all = new ArrayList<>(spark.read().parquet(root.resolve(table.tableName()).toString())
                .collectAsList());
        all.addAll(rows);
        w.table(table, all);
    }

    private static final class ExtraRows {
        final List<Row> events = new ArrayList<>();
        final List<Row> orders = new ArrayList<>();
        final List<Row> items = new ArrayList<>();
    }

    private static Row event(String id, String customer, String time, String type, String product, String ingested) {
        return RowFactory.create(id, customer, ts(time), type, product, "sx", null, ts(ingested));
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
