package dev.nbo.training.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded customers drawn from four well-separated groups, with the quirks of real customer features: money and counts
 * are skewed (log-normal), some values are missing ({@code NaN}), and one feature is constant.
 *
 * <p>Columns are deliberately not in alphabetical order, so a test catches centroids left in Tribuo's internal
 * (alphabetical) feature order.
 *
 * @param table the customers
 * @param truth the group each row was drawn from, in [0, {@link #GROUPS})
 */
record SyntheticCustomers(CustomerTable table, int[] truth) {
    static final int GROUPS = 4;
    static final int LAPSED = 0;
    static final int EMAIL_BROWSERS = 1;
    static final int REGULARS = 2;
    static final int BIG_SPENDERS = 3;

    static final List<String> FEATURES = List.of("spend_365d", "orders_365d", "days_since_last_purchase",
            "email_open_rate_30d", "page_views_30d", "marketing_consent");

    /** Share of customers per group: unequal on purpose, as real segments are. */
    private static final double[] SHARES = {0.4, 0.3, 0.2, 0.1};

    /** Per group: median spend, median orders, mean days since purchase, mean open rate, median page views. */
    private static final double[][] CENTRES = {
        {80, 2, 280, 0.08, 3},
        {250, 4, 60, 0.75, 40},
        {600, 9, 20, 0.30, 12},
        {2500, 22, 6, 0.35, 15},
    };

    static SyntheticCustomers generate(int customers, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        double[][] values = new double[customers][];
        int[] truth = new int[customers];
        for (int row = 0; row < customers; row++) {
            truth[row] = group(random.nextDouble());
            ids.add("c" + row);
            values[row] = customer(CENTRES[truth[row]], random);
        }
        return new SyntheticCustomers(new CustomerTable(ids, FEATURES, values), truth);
    }

    private static int group(double u) {
        double cumulative = 0;
        for (int g = 0; g < GROUPS - 1; g++) {
            cumulative += SHARES[g];
            if (u < cumulative) {
                return g;
            }
        }
        return GROUPS - 1;
    }

    private static double[] customer(double[] centre, Random random) {
        double spend = centre[0] * Math.exp(0.3 * random.nextGaussian());
        double orders = Math.max(1, Math.round(centre[1] * Math.exp(0.2 * random.nextGaussian())));
        double days = Math.max(0, Math.round(centre[2] * (1 + 0.15 * random.nextGaussian())));
        double openRate = Math.min(1, Math.max(0, centre[3] + 0.04 * random.nextGaussian()));
        double pageViews = Math.round(centre[4] * Math.exp(0.2 * random.nextGaussian()));
        return new double[] {
            spend,
            orders,
            days,
            random.nextDouble() < 0.03 ? Double.NaN : openRate,
            random.nextDouble() < 0.02 ? Double.NaN : pageViews,
            1.0,
        };
    }

    /** The rows drawn from one group. */
    int[] rowsOf(int group) {
        return java.util.stream.IntStream.range(0, truth.length).filter(row -> truth[row] == group).toArray();
    }
}
