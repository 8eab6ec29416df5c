package dev.nbo.models.aggregate;

import dev.nbo.models.feature.Source;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
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
    private static final String[] EVENT_COLUMNS = {"event_id", "customer_id", "event_type", "product_id", "category",
        "session_id", "offer_id"};
    private static final String[] ORDER_LINE_COLUMNS = {"order_id", "line_no", "customer_id", "order_type",
        "product_id", "category", "quantity", "unit_price", "amount"};

    public SourceRow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(customerId, "customerId");
        if (!source.isBehavioural()) {
            throw new IllegalArgumentException(source.wireName() + " is not a behavioural source");
        }
        // the factories below hand over columns of their own: kept as they are, not copied (50,000 events a second)
        values = values instanceof Columns ? values : Columns.copyOf(values);
    }

    /**
     * Read-only columns in two arrays: a row has fewer than ten, looked up by name for every feature that reads it,
     * and a HashMap per row (table and a node per column) was most of a row's memory while rows wait to be applied.
     * Absent and null mean the same, as for any row; a column given with a null value is still listed.
     */
    private static final class Columns extends AbstractMap<String, Object> {
        private final String[] names;
        private final Object[] values;

        private Columns(String[] names, Object[] values) {
            this.names = names;
            this.values = values;
        }

        static Columns copyOf(Map<String, Object> map) {
            String[] names = new String[map.size()];
            Object[] values = new Object[map.size()];
            int i = 0;
            for (Map.Entry<String, Object> column : map.entrySet()) {
                names[i] = column.getKey();
                values[i++] = column.getValue();
            }
            return new Columns(names, values);
        }

        private int indexOf(Object name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (Objects.equals(names[i], name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object get(Object name) {
            int i = indexOf(name);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object name) {
            return indexOf(name) >= 0;
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry = new SimpleImmutableEntry<>(names[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
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
        return new SourceRow(Source.EVENTS, eventId, customerId, timeMicros, new Columns(EVENT_COLUMNS,
                new Object[] {eventId, customerId, eventType, productId, category, sessionId, offerId}));
    }

    /**
     * An order line as features see it, with its order's customer, time and type; {@code amount} is
     * {@code quantity * unitPrice} computed in double, exactly as the Spark pipeline computes it.
     */
    public static SourceRow orderLine(String orderId, long lineNo, String customerId, long timeMicros,
                                      String orderType, String productId, String category, long quantity,
                                      double unitPrice) {
        return new SourceRow(Source.ORDER_ITEMS, orderLineKey(orderId, lineNo), customerId, timeMicros,
                new Columns(ORDER_LINE_COLUMNS, new Object[] {orderId, lineNo, customerId, orderType, productId,
                        category, quantity, unitPrice, (double) quantity * unitPrice}));
    }
}
