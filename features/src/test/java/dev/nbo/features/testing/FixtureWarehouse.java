package dev.nbo.features.testing;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.fixture.FeatureFixture;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.WarehouseTable;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Writes small hand-made tables as a warehouse folder, in the warehouse schema. */
public final class FixtureWarehouse {
    private final SparkSession spark;
    private final Path root;

    public FixtureWarehouse(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    /** Writes the tables of {@link FeatureFixture}. */
    public static Path write(SparkSession spark, Path root) {
        FixtureWarehouse warehouse = new FixtureWarehouse(spark, root);
        List<Row> customers = new ArrayList<>();
        for (CustomerProfile c : FeatureFixture.customers()) {
            customers.add(RowFactory.create(c.customerId(), timestamp(c.signupMicros()), c.birthYear(), c.city(),
                    c.region(), c.country(), c.interests(), c.marketingConsent()));
        }
        warehouse.table(WarehouseTable.CUSTOMERS, customers);
        warehouse.table(WarehouseTable.PRODUCTS, FeatureFixture.products().stream()
                .map(p -> RowFactory.create(p.productId(), p.name(), p.category(), p.price())).toList());
        warehouse.table(WarehouseTable.ORDERS, FeatureFixture.orders().stream()
                .map(o -> RowFactory.create(o.orderId(), o.customerId(), timestamp(o.timeMicros()), o.orderType()))
                .toList());
        warehouse.table(WarehouseTable.ORDER_ITEMS, FeatureFixture.items().stream()
                .map(i -> RowFactory.create(i.orderId(), (int) i.lineNo(), i.productId(), (int) i.quantity(),
                        i.unitPrice())).toList());
        warehouse.table(WarehouseTable.EVENTS, FeatureFixture.events().stream()
                .map(e -> RowFactory.create(e.eventId(), e.customerId(), timestamp(e.timeMicros()), e.eventType(),
                        e.productId(), e.sessionId(), e.offerId(), timestamp(e.timeMicros()))).toList());
        warehouse.offers(FeatureFixture.offers());
        return root;
    }

    public void table(WarehouseTable table, List<Row> rows) {
        spark.createDataFrame(rows, table.schema()).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(root.resolve(table.tableName()).toString());
    }

    public void offers(OfferCatalog catalog) {
        table(WarehouseTable.OFFERS, OfferTable.rows(catalog));
    }

    public static Timestamp timestamp(Long micros) {
        if (micros == null) {
            return null;
        }
        return Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000));
    }
}
