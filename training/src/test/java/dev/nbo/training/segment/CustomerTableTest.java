package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTableTest {
    private static final List<String> IDS = List.of("c1", "c2", "c3");
    private static final List<String> FEATURES = List.of("spend_365d", "orders_365d");

    @Test
    void selectsColumnsInTheOrderAsked() {
        CustomerTable table = new CustomerTable(IDS, FEATURES, new double[][] {{10, 1}, {20, Double.NaN}, {30, 3}});

        CustomerTable selected = table.select(List.of("orders_365d", "spend_365d"));

        assertThat(selected.featureNames()).containsExactly("orders_365d", "spend_365d");
        assertThat(selected.row(1)).containsExactly(Double.NaN, 20);
        assertThat(selected.customerIds()).isEqualTo(IDS);
    }

    @Test
    void neverChangesAfterConstruction() {
        double[][] values = {{10, 1}, {20, 2}, {30, 3}};
        CustomerTable table = new CustomerTable(IDS, FEATURES, values);

        values[0][0] = -1;
        table.values()[1][0] = -1;
        table.row(2)[0] = -1;

        assertThat(table.value(0, 0)).isEqualTo(10);
        assertThat(table.value(1, 0)).isEqualTo(20);
        assertThat(table.value(2, 0)).isEqualTo(30);
    }

    @Test
    void refusesRowsThatDoNotMatchTheIds() {
        assertThatThrownBy(() -> new CustomerTable(IDS, FEATURES, new double[][] {{1, 2}, {3, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the table has 3 customer ids but 2 rows of values; give one row per customer");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new CustomerTable(IDS, FEATURES, new double[][] {{1, 2}, {3}, {5, 6}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer c2 has 1 values but the table has 2 features [spend_365d, orders_365d]");
    }

    @Test
    void refusesDuplicateFeatureNamesAndCustomerIds() {
        assertThatThrownBy(() -> new CustomerTable(IDS, List.of("spend", "spend"), new double[3][2]))
                .hasMessage("duplicate feature name 'spend'; each may appear once");
        assertThatThrownBy(() -> new CustomerTable(List.of("c1", "c1"), FEATURES, new double[2][2]))
                .hasMessage("duplicate customer id 'c1'; each may appear once");
    }

    @Test
    void refusesFewerThanTwoCustomersOrNoFeature() {
        assertThatThrownBy(() -> new CustomerTable(List.of("c1"), FEATURES, new double[1][2]))
                .hasMessage("a customer table needs at least 2 customers to segment, found 1");
        assertThatThrownBy(() -> new CustomerTable(IDS, List.of(), new double[3][0]))
                .hasMessageStartingWith("a customer table needs at least one feature column");
    }

    @Test
    void refusesAnInfiniteValueButAcceptsMissingOnes() {
        assertThatThrownBy(() -> new CustomerTable(IDS, FEATURES,
                new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}, {5, 6}}))
                .hasMessage("customer c2 has an infinite orders_365d; use NaN for a missing value");
        assertThat(new CustomerTable(IDS, FEATURES, new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}}).value(1, 1))
                .isNaN();
    }

    @Test
    void namesTheColumnsThereAreWhenAFeatureIsUnknown() {
        CustomerTable table = new CustomerTable(IDS, FEATURES, new double[3][2]);

        assertThatThrownBy(() -> table.column("tenure_days"))
                .hasMessage("the customer table has no feature 'tenure_days'; its features are "
                        + "[spend_365d, orders_365d]");
    }
}
