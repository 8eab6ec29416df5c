package dev.nbo.features.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the import does with a line: drop it for the first rule it breaks, in the order of this enum, or keep it as
 * a purchase or a cancellation line. Each line gets exactly one outcome, so the counts add up to the lines read.
 */
enum LineOutcome {
    /** No customer id: the line cannot be attributed to anyone. */
    MISSING_CUSTOMER_ID,
    /** Identical in every column to an earlier line with a customer id: one copy is kept. */
    DUPLICATE_LINE,
    /** The stock code is not a product's (postage, fees, discounts, manual adjustments, vouchers...). */
    NON_PRODUCT_CODE,
    /** Quantity of the wrong sign for its invoice: stock adjustments on purchase invoices, mostly. */
    ADJUSTMENT,
    /** Unit price zero or negative: free samples, bad-debt adjustments. */
    NON_POSITIVE_UNIT_PRICE,
    PURCHASE,
    CANCELLATION;

    /** The name in the summary and the {@code outcome} column, e.g. {@code missing_customer_id}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean kept() {
        return this == PURCHASE || this == CANCELLATION;
    }

    /** The drop reasons, in the order the rules apply. */
    static List<LineOutcome> dropReasons() {
        return Arrays.stream(values()).filter(o -> !o.kept()).toList();
    }
}
