package dev.nbo.serving.store;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.fixture.FeatureFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded stream of events and order lines over the products and offers of {@link FeatureFixture}, for parity and
 * load tests: every aggregation kind of the fixture spec sees data, including ties and rows outside the windows.
 */
final class RandomRows {
    static final long DAY = 86_400_000_000L;
    private static final String[] EVENT_TYPES = {"page_view", "page_view", "page_view", "add_to_cart", "email_click"};
    private static final String[] OFFERS = {"o-run", "o-shoe", "o-golf", null};

    private final Random random;
    private final List<FeatureFixture.Product> products = FeatureFixture.products();
    private int next;

    RandomRows(long seed) {
        this.random = new Random(seed);
    }

    static String customer(int i) {
        return String.format("r%04d", i);
    }

    static List<CustomerProfile> profiles(int customers) {
        List<CustomerProfile> profiles = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            profiles.add(new CustomerProfile(customer(i), FeatureFixture.AS_OF - (i + 1) * 7 * DAY, 1950 + i % 50,
                    "City" + i % 7, i % 2 == 0 ? "West" : "South", "US", List.of("running"), i % 3 != 0));
        }
        return profiles;
    }

    static Map<String, String> productCategories() {
        Map<String, String> categories = new HashMap<>();
        FeatureFixture.products().forEach(p -> categories.put(p.productId(), p.category()));
        return categories;
    }

    /** {@code count} rows of customers {@code 0..customers-1} with times in {@code [from, to)}. */
    List<SourceRow> rows(int count, int customers, long from, long to) {
        List<SourceRow> rows = new ArrayList<>();
        while (rows.size() < count) {
            String customer = customer(random.nextInt(customers));
            // whole seconds, so that equal times (and the 'last' tie-break on row keys) happen
            long time = from + (long) (random.nextDouble() * (to - from)) / 1_000_000 * 1_000_000;
            FeatureFixture.Product product = products.get(random.nextInt(products.size()));
            int id = next++;
            if (random.nextInt(4) == 0) {
                String type = random.nextInt(5) == 0 ? "cancellation" : "purchase";
                int lines = 1 + random.nextInt(3);
                for (int line = 1; line <= lines; line++) {
                    FeatureFixture.Product item = products.get(random.nextInt(products.size()));
                    rows.add(SourceRow.orderLine("ord" + id, line, customer, time, type, item.productId(),
                            item.category(), 1 + random.nextInt(3), item.price()));
                }
            } else {
                String type = EVENT_TYPES[random.nextInt(EVENT_TYPES.length)];
                boolean click = type.equals("email_click");
                rows.add(SourceRow.event("ev" + id, customer, time, type, click ? null : product.productId(),
                        click ? null : product.category(), "s" + random.nextInt(40),
                        click ? OFFERS[random.nextInt(OFFERS.length)] : null));
            }
        }
        return rows;
    }
}
