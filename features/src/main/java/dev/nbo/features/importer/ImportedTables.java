package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.warehouse.OrderType;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The warehouse tables built from classified lines ({@link LineRules}), each in its {@link WarehouseTable} schema.
 * Ties are broken towards the smallest value, so that a table never depends on file order or partitioning.
 */
final class ImportedTables {
    private static final UserDefinedFunction CATEGORY =
            udf((UDF1<String, String>) CategoryKeywords::categoryOf, DataTypes.StringType);

    private ImportedTables() {
    }

    /**
     * Every customer id of the file, from its lines that pass the first two rules (attributed, not duplicates), kept
     * lines or not: signup time = the first invoice, country and region = the most frequent country. The export
     * has no birth year, city, interests or consent: those are null.
     */
    static Dataset<Row> customers(Dataset<Row> classified) {
        return conform(WarehouseTable.CUSTOMERS, classified
                .filter(col(LineRules.OUTCOME).isin(LineOutcome.MISSING_CUSTOMER_ID.wireName(),
                        LineOutcome.DUPLICATE_LINE.wireName()).unary_$bang())
                .groupBy(col(OnlineRetailReader.CUSTOMER_ID))
                .agg(min(OnlineRetailReader.INVOICE_TIME).as("signup_time"),
                        mode(col(OnlineRetailReader.COUNTRY), true).as("country"))
                .withColumn("region", col("country")));
    }

    /**
     * The products of the kept lines: name = the most frequent description, category from the name
     * ({@link CategoryKeywords}), price = the median unit price of its purchase lines (of all its lines when it was
     * only ever cancelled).
     */
    static Dataset<Row> products(Dataset<Row> kept) {
        Column purchasePrice = when(col(LineRules.ORDER_TYPE).equalTo(OrderType.PURCHASE.wireName()),
                col(OnlineRetailReader.UNIT_PRICE));
        return conform(WarehouseTable.PRODUCTS, kept
                .groupBy(col(OnlineRetailReader.STOCK_CODE).as("product_id"))
                .agg(mode(col(OnlineRetailReader.DESCRIPTION), true).as("name"),
                        round(coalesce(median(purchasePrice), median(col(OnlineRetailReader.UNIT_PRICE))), 4)
                                .as("price"))
                .withColumn("category", CATEGORY.apply(col("name"))));
    }

    /** One order per invoice: its customer, its earliest line time, and its type from the invoice number. */
    static Dataset<Row> orders(Dataset<Row> kept) {
        return conform(WarehouseTable.ORDERS, kept
                .groupBy(col(OnlineRetailReader.INVOICE).as("order_id"))
                .agg(min(OnlineRetailReader.CUSTOMER_ID).as("customer_id"),
                        min(OnlineRetailReader.INVOICE_TIME).as("order_time"),
                        min(LineRules.ORDER_TYPE).as("order_type")));
    }

    /**
     * One order line per kept line, numbered from 1 within its invoice in (stock code, quantity, unit price) order;
     * lines equal in those are equal in every output column, so the numbering is deterministic. Quantities are
     * positive: a cancellation line says how many units went back.
     */
    static Dataset<Row> orderItems(Dataset<Row> kept) {
        Column quantity = abs(col(OnlineRetailReader.QUANTITY));
        return conform(WarehouseTable.ORDER_ITEMS, kept
                .withColumn("line_no", row_number().over(Window.partitionBy(col(OnlineRetailReader.INVOICE))
                        .orderBy(col(OnlineRetailReader.STOCK_CODE), quantity, col(OnlineRetailReader.UNIT_PRICE))))
                .select(col(OnlineRetailReader.INVOICE).as("order_id"), col("line_no"),
                        col(OnlineRetailReader.STOCK_CODE).as("product_id"), quantity.as("quantity"),
                        col(OnlineRetailReader.UNIT_PRICE).as("unit_price")));
    }

    /** The table's columns in contract order and types; columns the frame lacks are null. */
    static Dataset<Row> conform(WarehouseTable table, Dataset<Row> frame) {
        List<String> present = Arrays.asList(frame.columns());
        return frame.select(Arrays.stream(table.schema().fields())
                .map(f -> (present.contains(f.name()) ? col(f.name()) : lit(null)).cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new));
    }
}
