package dev.nbo.models.feature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The logical tables features are computed from. Behavioural sources ({@link #EVENTS}, {@link #ORDER_ITEMS}) are
 * timed rows; profile sources ({@link #CUSTOMERS}, {@link #OFFERS}) hold attributes read as of a time.
 *
 * <p>The pipeline builds these views from the warehouse tables (order items are joined with their order and
 * product; events with their product's category), and the event API builds the same rows from incoming events.
 */
public enum Source {
    EVENTS(true, List.of(
            text("event_id"), text("customer_id"), filterable("event_type"), filterable("product_id"),
            filterable("category"), text("session_id"), filterable("offer_id"))),
    ORDER_ITEMS(true, List.of(
            text("order_id"), new SourceColumn("line_no", ValueType.LONG, false), text("customer_id"),
            filterable("order_type"), filterable("product_id"), filterable("category"),
            new SourceColumn("quantity", ValueType.LONG, false),
            new SourceColumn("unit_price", ValueType.DOUBLE, false),
            new SourceColumn("amount", ValueType.DOUBLE, false))),
    CUSTOMERS(false, List.of(
            new SourceColumn("age", ValueType.LONG, false),
            new SourceColumn("tenure_days", ValueType.DOUBLE, false),
            new SourceColumn("birth_year", ValueType.LONG, false),
            text("city"), text("region"), text("country"),
            new SourceColumn("interests", ValueType.STRING_LIST, false),
            new SourceColumn("marketing_consent", ValueType.BOOLEAN, false))),
    OFFERS(false, List.of(
            new SourceColumn("value", ValueType.DOUBLE, false),
            new SourceColumn("discount", ValueType.DOUBLE, false),
            text("target_type")));

    private final boolean behavioural;
    private final List<SourceColumn> columns;

    Source(boolean behavioural, List<SourceColumn> columns) {
        this.behavioural = behavioural;
        this.columns = columns;
    }

    private static SourceColumn text(String name) {
        return new SourceColumn(name, ValueType.STRING, false);
    }

    private static SourceColumn filterable(String name) {
        return new SourceColumn(name, ValueType.STRING, true);
    }

    /** Timed rows (events, order lines) rather than profile attributes. */
    public boolean isBehavioural() {
        return behavioural;
    }

    public List<SourceColumn> columns() {
        return columns;
    }

    public Optional<SourceColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Source> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
