package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import dev.nbo.models.warehouse.OrderType;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The rules that decide each line's {@link LineOutcome}, applied in this order (a line gets the first that applies):
 * <ol>
 *   <li>no customer id: dropped;</li>
 *   <li>a duplicate: identical in all eight columns (as read: trimmed, {@code nan} as missing, stock code upper-cased)
 *       to another line; one copy is kept, the others dropped;</li>
 *   <li>a non-product stock code, i.e. one not matching {@link #PRODUCT_CODE} (five digits and optional letters):
 *       {@code POST}, {@code DOT}, {@code M}, {@code C2}, {@code D}, {@code S}, {@code BANK CHARGES},
 *       {@code AMAZONFEE}, {@code CRUK}, {@code PADS}, {@code B}, {@code DCGS...}, {@code GIFT_0001_...}: dropped;</li>
 *   <li>an adjustment: a quantity of zero or of the wrong sign for its invoice (not positive on a purchase invoice,
 *       not negative on a cancellation invoice): dropped;</li>
 *   <li>a unit price of zero or less: dropped;</li>
 *   <li>otherwise kept: a cancellation line when its invoice number starts with {@code C}, else a purchase line.</li>
 * </ol>
 */
final class LineRules {
    /** A product's stock code, after upper-casing: five digits, then letters for variants (85123A, 15056BL). */
    static final String PRODUCT_CODE = "^[0-9]{5}[A-Z]*$";
    /** The column holding each line's outcome ({@link LineOutcome#wireName()}). */
    static final String OUTCOME = "outcome";
    /** The column holding the order type of the line's invoice ({@link OrderType#wireName()}). */
    static final String ORDER_TYPE = "order_type";

    private LineRules() {
    }

    /** The lines with their {@link #OUTCOME} and {@link #ORDER_TYPE}. */
    static Dataset<Row> classify(Dataset<Row> lines) {
        Column[] everyColumn = Arrays.stream(lines.columns()).map(c -> col(c)).toArray(Column[]::new);
        Column cancellation = upper(col(OnlineRetailReader.INVOICE)).startsWith("C");
        Column quantity = col(OnlineRetailReader.QUANTITY);
        Column outcome =
                when(col(OnlineRetailReader.CUSTOMER_ID).isNull(), outcome(LineOutcome.MISSING_CUSTOMER_ID))
                .when(col("_copy").gt(1), outcome(LineOutcome.DUPLICATE_LINE))
                .when(col(OnlineRetailReader.STOCK_CODE).rlike(PRODUCT_CODE).unary_$bang(),
                        outcome(LineOutcome.NON_PRODUCT_CODE))
                .when(cancellation.and(quantity.geq(0)).or(cancellation.unary_$bang().and(quantity.leq(0))),
                        outcome(LineOutcome.ADJUSTMENT))
                .when(col(OnlineRetailReader.UNIT_PRICE).leq(0), outcome(LineOutcome.NON_POSITIVE_UNIT_PRICE))
                .when(cancellation, outcome(LineOutcome.CANCELLATION))
                .otherwise(outcome(LineOutcome.PURCHASE));
        return lines
                // copies are interchangeable, so which one counts as the first does not matter
                .withColumn("_copy", row_number().over(Window.partitionBy(everyColumn)
                        .orderBy(col(OnlineRetailReader.INVOICE))))
                .withColumn(OUTCOME, outcome)
                .withColumn(ORDER_TYPE, when(cancellation, lit(OrderType.CANCELLATION.wireName()))
                        .otherwise(lit(OrderType.PURCHASE.wireName())))
                .drop("_copy");
    }

    private static Column outcome(LineOutcome outcome) {
        return lit(outcome.wireName());
    }
}
