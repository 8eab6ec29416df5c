package dev.nbo.models.aggregate;

import dev.nbo.models.feature.Source;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a behavioural source (an event or an order line) as features see it: the columns of {@link Source},
 * already enriched (an event's {@code category} comes from its product).
 *
 * @param rowKey     unique within the source; breaks ties between rows of the same time ({@code event_id}, or
 *                   {@code order_id#line_no} for order lines)
 * @param timeMicros when it happened, epoch microseconds UTC
 * @param values     column values by column name; absent or null means no value
 */
public record SourceRow(Source source, String rowKey, String customerId, long timeMicros, Map<String, Object> values) {
    public SourceRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(customerId, "customerId");
        if (!source.isBehavioural()) {
            throw new IllegalArgumentException(source.wireName() + " is not a behavioural source");
        }
        // the factories below hand over a map of their own: copied once, not twice (ingestion makes 50,000 a second)
        values = values instanceof Columns ? values : new Columns(new HashMap<>(values));
    }

    /** A read-only view of a map no one else holds. */
    private static final class Columns extends AbstractMap<String, Object> {
        private final Map<String, Object> map;

        Columns(Map<String, Object> map) {
            this.map = map;
        }

        @Override
        public Object get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Collections.unmodifiableMap(map).entrySet();
        }
    }

    /** The value of a column, or null. */
    public Object get(String column) {
        return values.get(column);
    }

    /** The value of a text column, or null. */
    public String text(String column) {
        Object value = values.get(column);
        return value == null ? null : value.toString();
    }

    /** The row key the pipeline gives an order line. */
    public static String orderLineKey(String orderId, long lineNo) {
        return orderId + "#" + lineNo;
    }

    /**
     * An event as features see it; {@code category} is the category of {@code productId} (null without a product).
     */
    public static SourceRow event(String eventId, String customerId, long timeMicros, String eventType,
                                  String productId, String category, String sessionId, String offerId) {
        Map<String, Object> values = new HashMap<>();
        values.put("event_id", eventId);
        values.put("customer_id", customerId);
        values.put("event_type", eventType);
        values.put("product_id", productId);
        values.put("category", category);
        values.put("session_id", sessionId);
        values.put("offer_id", offerId);
        return new SourceRow(Source.EVENTS, eventId, customerId, timeMicros, new Columns(values));
    }

    /**
     * An order line as features see it, with its order's customer, time and type; {@code amount} is
     * {@code quantity * unitPrice} computed in double, exactly as the Spark pipeline computes it.
     */
    public static SourceRow orderLine(String orderId, long lineNo, String customerId, long timeMicros,
                                      String orderType, String productId, String category, long quantity,
                                      double unitPrice) {
        Map<String, Object> values = new HashMap<>();
        values.put("order_id", orderId);
        values.put("line_no", lineNo);
        values.put("customer_id", customerId);
        values.put("order_type", orderType);
        values.put("product_id", productId);
        values.put("category", category);
        values.put("quantity", quantity);
        values.put("unit_price", unitPrice);
        values.put("amount", (double) quantity * unitPrice);
        return new SourceRow(Source.ORDER_ITEMS, orderLineKey(orderId, lineNo), customerId, timeMicros,
                new Columns(values));
    }
}
