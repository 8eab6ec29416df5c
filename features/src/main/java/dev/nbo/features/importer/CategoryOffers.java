package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.when;

import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.offer.OfferContent;
import dev.nbo.models.offer.OfferTarget;
import dev.nbo.models.warehouse.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The offers of an imported warehouse, which the export does not have: one per category that has products, with id
 * {@code <category>-offer}, targeting that category. Its value (what a conversion is worth) is the median amount,
 * quantity times unit price, of the category's purchase lines (of its cancelled lines, in units returned, when it
 * has no purchase), rounded
 * to the penny; no discount, no validity bounds, every region. The content is generated: a title naming the
 * category, example.com links and the category's median product price.
 */
final class CategoryOffers {
    static final String SUFFIX = "-offer";

    private CategoryOffers() {
    }

    /** The catalog for the kept lines and the products table. */
    static OfferCatalog build(String origin, Dataset<Row> kept, Dataset<Row> products) {
        Column amount = col(OnlineRetailReader.QUANTITY).cast("double").multiply(col(OnlineRetailReader.UNIT_PRICE));
        Column purchaseAmount = when(col(LineRules.ORDER_TYPE).equalTo(OrderType.PURCHASE.wireName()), amount);
        Dataset<Row> lineValues = kept
                .join(products.select(col("product_id"), col("category")),
                        col(OnlineRetailReader.STOCK_CODE).equalTo(col("product_id")))
                .groupBy(col("category"))
                .agg(coalesce(median(purchaseAmount), median(abs(amount)))
                        .as("value"));
        List<Row> rows = products.groupBy(col("category"))
                .agg(median(col("price")).as("typical_price"))
                .join(lineValues, "category")
                .orderBy(col("category"))
                .collectAsList();
        List<Offer> offers = new ArrayList<>();
        for (Row row : rows) {
            offers.add(offer(row.getAs("category"), row.<Double>getAs("value"), row.<Double>getAs("typical_price")));
        }
        return new OfferCatalog(origin, offers);
    }

    static Offer offer(String category, double medianAmount, double typicalPrice) {
        String id = category + SUFFIX;
        OfferContent content = new OfferContent("Top picks: " + category,
                "https://cdn.example.com/offers/" + id + ".jpg",
                "https://shop.example.com/c/" + category + "?promo=" + id,
                "Typically £" + pennies(typicalPrice).toPlainString(), Map.of());
        return new Offer(OfferId.of(id), OfferTarget.category(category), pennies(medianAmount).doubleValue(),
                0.0, null, null, Set.of(), content);
    }

    private static BigDecimal pennies(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
