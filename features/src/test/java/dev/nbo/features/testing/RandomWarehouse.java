package dev.nbo.features.testing;

import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A seeded random warehouse for property-style tests: random customers, events and orders over the categories and
 * offers of a catalog, with the awkward cases made common on purpose (equal timestamps, late arrivals, offers named
 * by emails, cancellations, customers signing up mid-way).
 */
public final class RandomWarehouse {
    public static final LocalDate START = LocalDate.of(2025, 1, 1);
    public static final int DAYS = 150;
    private static final String[] TYPES = {"page_view", "page_view", "page_view", "add_to_cart", "remove_from_cart",
            "checkout_start", "email_sent", "email_open", "email_click", "unsubscribe"};
    private static final String[] REGIONS = {"Northeast", "South", "West", "Midwest", null};

    private RandomWarehouse() {
    }

    public static void write(SparkSession spark, Path root, OfferCatalog offers, long seed, int customers,
                             int events, int orders) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> categories = new ArrayList<>(offers.targetedCategories());
        List<Row> products = new ArrayList<>();
        List<String> productIds = new ArrayList<>();
        for (String category : categories) {
            String code = category.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
            for (int i = 1; i <= 3; i++) {
                String id = String.format("%s-%04d", code.equals("GOL") ? "GLF" : code, i);
                productIds.add(id);
                products.add(RowFactory.create(id, category + " " + i, category, 5.0 + random.nextInt(200)));
            }
        }
        for (String target : offers.targetedProducts()) {
            if (!productIds.contains(target)) {
                productIds.add(target);
                products.add(RowFactory.create(target, "hero " + target, categories.get(0), 99.0));
            }
        }
        long start = START.toEpochDay() * 86_400_000_000L;
        long span = DAYS * 86_400_000_000L;
        List<Row> customerRows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            long signup = start - 200 * 86_400_000_000L + (long) (random.nextDouble() * (span + 60 * 86_400_000_000L));
            customerRows.add(RowFactory.create("c" + c, ts(signup), random.nextInt(10) == 0 ? null
                    : 1940 + random.nextInt(65), "City" + random.nextInt(5), REGIONS[random.nextInt(REGIONS.length)],
                    "US", random.nextBoolean() ? List.of("golf") : List.of(), random.nextInt(6) != 0));
        }
        List<Offer> offerList = new ArrayList<>(offers.offers());
        List<Row> eventRows = new ArrayList<>();
        long previous = start;
        for (int e = 0; e < events; e++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            boolean productEvent = type.equals("page_view") || type.equals("add_to_cart")
                    || type.equals("remove_from_cart") || (type.equals("checkout_start") && random.nextBoolean());
            boolean email = type.startsWith("email");
            long time = random.nextInt(20) == 0 ? previous : start + (long) (random.nextDouble() * span);
            previous = time;
            long ingested = random.nextInt(10) == 0 ? time + (long) (random.nextDouble() * 5 * 86_400_000_000L)
                    : time + random.nextInt(60_000_000);
            eventRows.add(RowFactory.create("e" + e, "c" + random.nextInt(customers), ts(time), type,
                    productEvent ? productIds.get(random.nextInt(productIds.size())) : null,
                    "s" + random.nextInt(customers * 4),
                    email && random.nextInt(10) < 7 ? offerList.get(random.nextInt(offerList.size())).id().value()
                            : null,
                    ts(ingested)));
        }
        List<Row> orderRows = new ArrayList<>();
        List<Row> itemRows = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            long time = start + (long) (random.nextDouble() * span);
            orderRows.add(RowFactory.create("o" + o, "c" + random.nextInt(customers), ts(time),
                    random.nextInt(12) == 0 ? "cancellation" : "purchase"));
            int lines = 1 + random.nextInt(3);
            for (int l = 1; l <= lines; l++) {
                itemRows.add(RowFactory.create("o" + o, l, productIds.get(random.nextInt(productIds.size())),
                        1 + random.nextInt(3), Math.round(random.nextDouble() * 20000) / 100.0));
            }
        }
        FixtureWarehouse w = new FixtureWarehouse(spark, root);
        w.table(WarehouseTable.CUSTOMERS, customerRows);
        w.table(WarehouseTable.PRODUCTS, products);
        w.table(WarehouseTable.EVENTS, eventRows);
        w.table(WarehouseTable.ORDERS, orderRows);
        w.table(WarehouseTable.ORDER_ITEMS, itemRows);
        w.offers(offers);
    }

    private static Timestamp ts(long micros) {
        return Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000));
    }
}
