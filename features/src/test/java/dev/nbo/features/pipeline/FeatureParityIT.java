package dev.nbo.features.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nbo.features.compile.AsOfDates;
import dev.nbo.features.compile.SourceViews;
import dev.nbo.features.compile.SparkFeatureCompiler;
import dev.nbo.features.testing.QuietProgress;
import dev.nbo.features.testing.RandomWarehouse;
import dev.nbo.features.testing.SnapshotValues;
import dev.nbo.features.testing.SparkTestSession;
import dev.nbo.features.validation.ValidatedWarehouse;
import dev.nbo.features.validation.WarehouseValidator;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.aggregate.IncrementalAggregator;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity: the Spark pipeline and the incremental aggregator, fed the same rows, give the same value for every key
 * and every feature of the shipped {@code config/features.yaml} (exact for counts and text, 1e-9 relative for
 * doubles), at several as-of dates, on a seeded random warehouse full of ties and late arrivals.
 */
class FeatureParityIT {
    private static final List<LocalDate> AS_OF = List.of(RandomWarehouse.START.plusDays(45),
            RandomWarehouse.START.plusDays(100), RandomWarehouse.START.plusDays(149));
    private static SourceViews views;
    private static FeatureSpec spec;
    private static OfferCatalog offers;
    private static List<SourceRow> rows;
    private static List<CustomerProfile> profiles;

    @BeforeAll
    static void buildARandomWarehouse(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        spec = FeatureSpec.load(ProjectFiles.config("features.yaml"));
        RandomWarehouse.write(spark, dir.resolve("warehouse"), OfferCatalog.load(ProjectFiles.config("offers.yaml")),
                20251129L, 80, 5000, 500);
        ValidatedWarehouse validated = new WarehouseValidator(new Warehouse(spark, dir.resolve("warehouse").toString()),
                dir.resolve("out").toString(), QuietProgress.create()).validate();
        offers = OfferTable.read("offers", validated.table(WarehouseTable.OFFERS));
        views = new SourceViews(validated, offers);
        rows = new ArrayList<>();
        for (Row r : views.events().collectAsList()) {
            rows.add(SourceRow.event(r.getAs("event_id"), r.getAs("customer_id"), r.<Long>getAs("time_us"),
                    r.getAs("event_type"), r.getAs("product_id"), r.getAs("category"), r.getAs("session_id"),
                    r.getAs("offer_id")));
            ingestTimes.put(r.getAs("event_id"), r.<Long>getAs("ingest_us"));
        }
        for (Row r : views.orderLines().collectAsList()) {
            rows.add(SourceRow.orderLine(r.getAs("order_id"), r.<Long>getAs("line_no"), r.getAs("customer_id"),
                    r.<Long>getAs("time_us"), r.getAs("order_type"), r.getAs("product_id"), r.getAs("category"),
                    r.<Long>getAs("quantity"), r.<Double>getAs("unit_price")));
        }
        profiles = new ArrayList<>();
        for (Row r : views.customers().collectAsList()) {
            profiles.add(new CustomerProfile(r.getAs("customer_id"), r.getAs("signup_us"), r.getAs("birth_year"),
                    r.getAs("city"), r.getAs("region"), r.getAs("country"), r.getList(r.fieldIndex("interests")),
                    r.getAs("marketing_consent")));
        }
    }

    private static final Map<String, Long> ingestTimes = new java.util.HashMap<>();

    @Test
    void sparkAndTheIncrementalAggregatorAgreeOnEveryFeatureOfEveryKey() {
        assertThat(rows).hasSizeGreaterThan(4000);
        long compared = 0;
        for (LocalDate date : AS_OF) {
            long asOf = AsOfDates.micros(date);
            IncrementalAggregator aggregator = new IncrementalAggregator(spec, offers);
            profiles.forEach(aggregator::upsertProfile);
            // the aggregator sees what serving would have received before t: happened and arrived before it
            rows.stream().filter(r -> r.timeMicros() < asOf && ingestTime(r) < asOf).forEach(aggregator::accept);
            for (Entity entity : Entity.values()) {
                Map<EntityKey, Map<String, Object>> spark = SnapshotValues.read(spec, entity,
                        new SparkFeatureCompiler(spec, views).snapshot(entity, List.of(date)));
                Set<EntityKey> keys = new HashSet<>(spark.keySet());
                if (entity != Entity.CUSTOMER) {
                    keys.addAll(aggregator.keys(entity));
                }
                for (EntityKey key : keys) {
                    Map<String, FeatureValue> java = aggregator.values(key, asOf);
                    for (FeatureDefinition feature : spec.features(entity)) {
                        Object expected = spark.containsKey(key) ? spark.get(key).get(feature.name())
                                : spec.emptyValueOf(feature);
                        assertSame(date + " " + key + " " + feature.name(), java.get(feature.name()).value(),
                                expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).as("values compared").isGreaterThan(20_000);
    }

    private static long ingestTime(SourceRow row) {
        return row.source() == dev.nbo.models.feature.Source.EVENTS ? ingestTimes.get(row.rowKey()) : row.timeMicros();
    }

    private static void assertSame(String what, Object actual, Object expected) {
        if (expected instanceof Double d && actual instanceof Double a) {
            assertThat(a).as(what).isCloseTo(d, within(Math.abs(d) * 1e-9 + 1e-12));
        } else {
            assertThat(actual).as(what).isEqualTo(expected);
        }
    }
}
