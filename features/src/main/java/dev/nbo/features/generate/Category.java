package dev.nbo.features.generate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The twelve product categories of the demo world, the ones {@code config/offers.yaml} targets. Each carries the
 * product id prefix, how popular it is before any personal effect (a logit), the typical price of its products, and
 * its flagship ("hero") product, which is product {@code <CODE>-0001} and the most popular of the category.
 */
public enum Category {
    RUNNING("RUN", 0.6, 80, "Stride Pro Running Shoe", 129.00),
    GOLF("GLF", -0.1, 95, "Apex Driver", 349.00),
    CYCLING("CYC", 0.1, 90, "Velo Carbon Road Helmet", 149.00),
    YOGA("YOG", 0.2, 38, "Lotus Grip Yoga Mat", 69.00),
    OUTDOOR("OUT", 0.3, 85, "Summit 40L Hiking Pack", 139.00),
    SWIMMING("SWM", 0.0, 32, "Tide Racer Swimsuit", 59.00),
    TENNIS("TEN", -0.2, 60, "Baseline Pro Tennis Racket", 189.00),
    FITNESS("FIT", 0.5, 45, "Core Adjustable Dumbbells", 119.00),
    WOMENSWEAR("WMN", 0.5, 50, "Aria Everyday Leggings", 64.00),
    MENSWEAR("MEN", 0.4, 55, "Harbor Tech Hoodie", 79.00),
    KIDS("KID", 0.0, 28, "Junior Sprint Sneakers", 49.00),
    HOME("HOM", 0.2, 40, "Nest Weighted Blanket", 89.00);

    /** Interests customers declare; all but {@code fashion} (both apparel categories) name a category. */
    public static final List<String> INTERESTS = List.of("running", "golf", "cycling", "yoga", "outdoor", "swimming",
            "tennis", "fitness", "fashion", "home");

    private static final List<Category> ALL = List.of(values());

    private final String wireName = name().toLowerCase(Locale.ROOT);
    private final String code;
    private final double baseLogit;
    private final double priceLevel;
    private final String heroName;
    private final double heroPrice;

    Category(String code, double baseLogit, double priceLevel, String heroName, double heroPrice) {
        this.code = code;
        this.baseLogit = baseLogit;
        this.priceLevel = priceLevel;
        this.heroName = heroName;
        this.heroPrice = heroPrice;
    }

    /** The name in tables and offers, e.g. {@code running}. */
    public String wireName() {
        return wireName;
    }

    /** The product id prefix, e.g. {@code RUN} for {@code RUN-0001}. */
    public String code() {
        return code;
    }

    /** Popularity before age, place, interests and personal taste: a logit of the preference softmax. */
    public double baseLogit() {
        return baseLogit;
    }

    /** The median price of the category's products (the hero excepted). */
    public double priceLevel() {
        return priceLevel;
    }

    public String heroName() {
        return heroName;
    }

    public double heroPrice() {
        return heroPrice;
    }

    public static List<Category> all() {
        return ALL;
    }

    public static int count() {
        return ALL.size();
    }

    public static Optional<Category> fromWireName(String name) {
        return ALL.stream().filter(c -> c.wireName().equals(name)).findFirst();
    }

    /** The categories an interest raises: its own, or both apparel categories for {@code fashion}. */
    public static List<Category> ofInterest(String interest) {
        if (interest.equals("fashion")) {
            return List.of(WOMENSWEAR, MENSWEAR);
        }
        return fromWireName(interest).map(List::of).orElseThrow(
                () -> new IllegalArgumentException("unknown interest '" + interest + "'; known: " + INTERESTS));
    }
}
