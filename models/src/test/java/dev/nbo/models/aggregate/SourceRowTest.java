package dev.nbo.models.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.feature.Source;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceRowTest {
    @Test
    void anEventsColumnsReadAsTheMapTheyWereBuiltFromNullColumnsIncluded() {
        SourceRow row = SourceRow.event("e1", "C1", 5L, "page_view", "RUN-1", "running", null, null);
        Map<String, Object> expected = new HashMap<>();
        expected.put("event_id", "e1");
        expected.put("customer_id", "C1");
        expected.put("event_type", "page_view");
        expected.put("product_id", "RUN-1");
        expected.put("category", "running");
        expected.put("session_id", null);
        expected.put("offer_id", null);

        assertThat(row.values()).isEqualTo(expected).hasSize(7);
        assertThat(row.values().hashCode()).isEqualTo(expected.hashCode());
        assertThat(row.values().containsKey("session_id")).isTrue();
        assertThat(row.values().containsKey("revenue")).isFalse();
        assertThat(row.text("category")).isEqualTo("running");
        assertThat(row.get(new String("event_type"))).isEqualTo("page_view");
        assertThat(row).isEqualTo(new SourceRow(Source.EVENTS, "e1", "C1", 5L, expected));
    }

    @Test
    void anOrderLinesColumnsKeepTheirTypesAndTheAmount() {
        SourceRow row = SourceRow.orderLine("o1", 2, "C1", 5L, "purchase", "RUN-1", "running", 3, 2.5);

        assertThat(row.get("line_no")).isEqualTo(2L);
        assertThat(row.get("quantity")).isEqualTo(3L);
        assertThat(row.get("amount")).isEqualTo(7.5);
        assertThat(row.rowKey()).isEqualTo("o1#2");
    }

    @Test
    void columnsCannotBeChangedNorChangedThroughTheMapTheyCameFrom() {
        Map<String, Object> values = new HashMap<>(Map.of("event_id", "e1", "event_type", "page_view"));
        SourceRow row = new SourceRow(Source.EVENTS, "e1", "C1", 5L, values);
        values.put("event_type", "purchase");

        assertThat(row.get("event_type")).isEqualTo("page_view");
        assertThatThrownBy(() -> row.values().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.values().entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
