package dev.nbo.features.generate;

import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.offer.OfferTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The products of the world: {@value #PER_CATEGORY} per category, ids {@code <CODE>-0001} to {@code <CODE>-0040}.
 * Popularity inside a category follows a Zipf law over a rank drawn once from the seed, the hero product
 * ({@code -0001}) always first, so that offers on a hero product concern many customers.
 */
public final class ProductCatalog {
    public static final int PER_CATEGORY = 40;
    /** Zipf exponent of popularity by rank: the hero gets about a fifth of its category's page views. */
    private static final double ZIPF_EXPONENT = 0.9;
    /** Spread of prices around the category's level (sigma of a log-normal). */
    private static final double PRICE_SIGMA = 0.45;

    private final Map<Category, List<Product>> byCategory;
    private final Map<String, Product> byId;
    /** Per category, cumulative popularity in product order, for sampling. */
    private final Map<Category, double[]> cumulativePopularity;

    private ProductCatalog(Map<Category, List<Product>> byCategory) {
        this.byCategory = byCategory;
        this.byId = new HashMap<>();
        this.cumulativePopularity = new EnumMap<>(Category.class);
        for (Map.Entry<Category, List<Product>> entry : byCategory.entrySet()) {
            double[] cumulative = new double[entry.getValue().size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                Product product = entry.getValue().get(i);
                byId.put(product.id(), product);
                sum += popularity(product.rank());
                cumulative[i] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
            cumulativePopularity.put(entry.getKey(), cumulative);
        }
    }

    /** The products of the world of {@code seed}: names, prices and ranks are drawn from it. */
    static ProductCatalog create(long seed) {
        SplittableRandom random = Seeds.stream(seed, 0, Seeds.Purpose.WORLD);
        Map<Category, List<Product>> byCategory = new EnumMap<>(Category.class);
        for (Category category : Category.all()) {
            byCategory.put(category, Collections.unmodifiableList(products(category, random)));
        }
        return new ProductCatalog(byCategory);
    }

    private static List<Product> products(Category category, SplittableRandom random) {
        List<Integer> ranks = new ArrayList<>();
        for (int rank = 2; rank <= PER_CATEGORY; rank++) {
            ranks.add(rank);
        }
        Draws.shuffle(ranks, random);
        List<String> names = new ArrayList<>();
        for (String style : ProductNames.styles(category)) {
            for (String noun : ProductNames.nouns(category)) {
                String name = style + " " + noun;
                if (!name.equals(category.heroName())) {
                    names.add(name);
                }
            }
        }
        Draws.shuffle(names, random);
        List<Product> products = new ArrayList<>(PER_CATEGORY);
        products.add(new Product(id(category, 1), category.heroName(), category, category.heroPrice(), 1));
        for (int number = 2; number <= PER_CATEGORY; number++) {
            double price = category.priceLevel() * Math.exp(PRICE_SIGMA * random.nextGaussian());
            products.add(new Product(id(category, number), names.get(number - 2), category, retailPrice(price),
                    ranks.get(number - 2)));
        }
        return products;
    }

    /** A price as shops write it: whole currency units minus a cent, at least 4.99. */
    private static double retailPrice(double price) {
        return Math.max(5, Math.round(price)) - 0.01;
    }

    static String id(Category category, int number) {
        return String.format("%s-%04d", category.code(), number);
    }

    private static double popularity(int rank) {
        return 1.0 / Math.pow(rank, ZIPF_EXPONENT);
    }

    public List<Product> all() {
        return byCategory.values().stream().flatMap(List::stream).toList();
    }

    public List<Product> of(Category category) {
        return byCategory.get(category);
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Product hero(Category category) {
        return byCategory.get(category).get(0);
    }

    /** A product of {@code category}, drawn by popularity. */
    Product popular(Category category, SplittableRandom random) {
        double[] cumulative = cumulativePopularity.get(category);
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return byCategory.get(category).get(low);
    }

    /** The category an offer converts on: its target category, or its target product's category. */
    public Category categoryOf(Offer offer) {
        OfferTarget target = offer.target();
        if (target.kind() == OfferTarget.Kind.CATEGORY) {
            return Category.fromWireName(target.value()).orElseThrow();
        }
        return byId.get(target.value()).category();
    }

    /**
     * Refuses a catalog with an offer whose target the world does not sell, naming the offer, the file and what the
     * world has, since such an offer could never convert.
     */
    void checkTargets(OfferCatalog catalog) {
        for (Offer offer : catalog.offers()) {
            OfferTarget target = offer.target();
            boolean known = target.kind() == OfferTarget.Kind.CATEGORY
                    ? Category.fromWireName(target.value()).isPresent()
                    : byId.containsKey(target.value());
            if (!known) {
                String has = target.kind() == OfferTarget.Kind.CATEGORY
                        ? "categories " + Category.all().stream().map(Category::wireName).collect(Collectors.joining(", "))
                        : "products <CODE>-0001 to <CODE>-" + String.format("%04d", PER_CATEGORY) + " for codes "
                                + Category.all().stream().map(Category::code).collect(Collectors.joining(", "));
                throw new IllegalArgumentException(catalog.origin() + ": offer '" + offer.id() + "' targets "
                        + target + ", which the synthetic world does not sell; it has " + has
                        + ". Fix the offer or pass another --offers file");
            }
        }
    }
}
