package dev.nbo.features.importer;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of an import, printed at the end and written as {@code import_summary.json}. Every line read is
 * counted once: {@code rowsRead = sum(dropped) + rowsKept}, with {@code dropped} in rule order (see
 * {@link LineRules}); kept lines are the order lines, split into purchase and cancellation lines.
 *
 * @param columns             the file's column for each of ours, e.g. {@code invoice -> InvoiceNo}
 * @param dropped             lines dropped per rule, in rule order ({@link LineOutcome#wireName()})
 * @param nonProductCodes     lines dropped by the non-product rule, per stock code, most frequent first
 * @param customersWithOrders customers with at least one kept line (the others only had dropped lines)
 * @param productsByCategory  products per category, in category order
 */
public record ImportSummary(
        String input,
        String format,
        Map<String, String> columns,
        long rowsRead,
        Map<String, Long> dropped,
        Map<String, Long> nonProductCodes,
        long rowsKept,
        long purchaseLines,
        long cancellationLines,
        long customers,
        long customersWithOrders,
        long products,
        Map<String, Long> productsByCategory,
        long purchaseOrders,
        long cancellationOrders,
        long orderLines,
        long offers,
        Instant firstOrderTime,
        Instant lastOrderTime) {

    public ImportSummary {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
        nonProductCodes = Collections.unmodifiableMap(new LinkedHashMap<>(nonProductCodes));
        productsByCategory = Collections.unmodifiableMap(new LinkedHashMap<>(productsByCategory));
        long accounted = rowsKept + dropped.values().stream().mapToLong(Long::longValue).sum();
        if (accounted != rowsRead || purchaseLines + cancellationLines != rowsKept || orderLines != rowsKept) {
            throw new IllegalStateException("import figures do not add up (a bug): " + rowsRead + " lines read, "
                    + dropped + " dropped, " + rowsKept + " kept (" + purchaseLines + " purchase + "
                    + cancellationLines + " cancellation lines), " + orderLines + " order lines written");
        }
    }

    public long rowsDropped() {
        return rowsRead - rowsKept;
    }

    public long orders() {
        return purchaseOrders + cancellationOrders;
    }

    public int categories() {
        return productsByCategory.size();
    }

    /** The JSON form, keys in snake case. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", input);
        json.put("format", format);
        json.put("columns", new LinkedHashMap<>(columns));
        json.put("rows_read", rowsRead);
        json.put("dropped", dropped);
        json.put("rows_dropped", rowsDropped());
        json.put("non_product_codes", nonProductCodes);
        json.put("rows_kept", rowsKept);
        json.put("purchase_lines", purchaseLines);
        json.put("cancellation_lines", cancellationLines);
        json.put("customers", customers);
        json.put("customers_with_orders", customersWithOrders);
        json.put("products", products);
        json.put("categories", categories());
        json.put("products_by_category", productsByCategory);
        json.put("orders", orders());
        json.put("purchase_orders", purchaseOrders);
        json.put("cancellation_orders", cancellationOrders);
        json.put("order_lines", orderLines);
        json.put("offers", offers);
        json.put("first_order_time", firstOrderTime == null ? null : firstOrderTime.toString());
        json.put("last_order_time", lastOrderTime == null ? null : lastOrderTime.toString());
        return json;
    }

    /** A readable summary, figures aligned. */
    public void print(PrintStream out) {
        out.printf("Imported %s (%s, columns %s):%n", input, format, String.join(", ", columns.values()));
        out.printf("  %-34s %,12d%n", "lines read", rowsRead);
        out.println("  dropped, by the first rule that applies:");
        int rule = 1;
        for (Map.Entry<String, Long> drop : dropped.entrySet()) {
            out.printf("    %d. %-29s %,12d%s%n", rule++, drop.getKey(), drop.getValue(),
                    drop.getKey().equals(LineOutcome.NON_PRODUCT_CODE.wireName()) && !nonProductCodes.isEmpty()
                            ? "   (" + codes() + ")" : "");
        }
        out.printf("  %-34s %,12d   (%,d purchase, %,d cancellation lines)%n", "lines kept = order lines", rowsKept,
                purchaseLines, cancellationLines);
        out.printf("  %-34s %,12d   (%,d with orders)%n", "customers", customers, customersWithOrders);
        out.printf("  %-34s %,12d   in %d categories: %s%n", "products", products, categories(),
                productsByCategory.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        out.printf("  %-34s %,12d   (%,d purchases, %,d cancellations)%n", "orders", orders(), purchaseOrders,
                cancellationOrders);
        out.printf("  %-34s %,12d   (one per category; offers table and offers.yaml)%n", "offers", offers);
        out.printf("  orders from %s to %s (UTC)%n", firstOrderTime, lastOrderTime);
    }

    private String codes() {
        String shown = nonProductCodes.entrySet().stream().limit(12)
                .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "));
        return nonProductCodes.size() > 12 ? shown + ", ..." : shown;
    }
}
