package dev.nbo.training.simulate;

import dev.nbo.features.generate.Category;
import dev.nbo.features.generate.Product;
import dev.nbo.features.generate.ProductCatalog;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferTarget;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The basket of an order started by an e-mail click, drawn the way the generator fills its orders: the offer's
 * product (or, for a category offer, a product of the category by popularity), topped up to 1 to 3 lines (65/25/10%)
 * with popular products of the same category, quantity 1, 2 or 3 (78/18/4%), at the catalog price less the offer's
 * discount on what it targets.
 */
final class Basket {
    /** Popularity of the product of rank r in its category is 1 / r^0.9, as in the generator's catalog. */
    private static final double ZIPF_EXPONENT = 0.9;
    private static final double[] LINES = {0.65, 0.25, 0.10};
    private static final double[] QUANTITIES = {0.78, 0.18, 0.04};

    private final ProductCatalog products;

    Basket(ProductCatalog products) {
        this.products = products;
    }

    /** The purchase a click on {@code offer} (converting on {@code category}) ends in. */
    EmailOutcome.Purchase draw(Offer offer, Category category, SplittableRandom random) {
        boolean productOffer = offer.target().kind() == OfferTarget.Kind.PRODUCT;
        Product focus = productOffer ? products.product(offer.target().value()).orElseThrow(
                () -> new IllegalArgumentException("offer " + offer.id() + " targets product "
                        + offer.target().value() + ", which the world does not sell"))
                : popular(category, random);
        double revenue = line(focus, offer.discount(), random);
        int lines = 1 + pick(LINES, random);
        for (int i = 1; i < lines; i++) {
            Product extra = popular(category, random);
            // a product offer discounts its product only; a category offer every product of the category
            double discount = !productOffer || extra.id().equals(focus.id()) ? offer.discount() : 0.0;
            revenue += line(extra, discount, random);
        }
        return new EmailOutcome.Purchase(focus.id(), Math.round(revenue * 100) / 100.0);
    }

    private static double line(Product product, double discount, SplittableRandom random) {
        int quantity = 1 + pick(QUANTITIES, random);
        return quantity * product.price() * (1 - discount);
    }

    private Product popular(Category category, SplittableRandom random) {
        List<Product> candidates = products.of(category);
        double total = 0;
        for (Product product : candidates) {
            total += popularity(product);
        }
        double u = random.nextDouble() * total;
        for (Product product : candidates) {
            u -= popularity(product);
            if (u < 0) {
                return product;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static double popularity(Product product) {
        return 1.0 / Math.pow(product.rank(), ZIPF_EXPONENT);
    }

    /** An index drawn with these probabilities (which sum to 1). */
    private static int pick(double[] probabilities, SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < probabilities.length - 1; i++) {
            u -= probabilities[i];
            if (u < 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
