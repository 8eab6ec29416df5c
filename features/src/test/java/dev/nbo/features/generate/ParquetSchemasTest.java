package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.features.warehouse.WarehouseTable;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

class ParquetSchemasTest {
    @Test
    void customersUseMicrosecondUtcTimestampsAndAThreeLevelList() {
        MessageType schema = ParquetSchemas.of(WarehouseTable.CUSTOMERS);
        assertThat(schema.getFieldCount()).isEqualTo(WarehouseTable.CUSTOMERS.columnNames().size());
        String text = schema.toString();
        assertThat(text).contains("optional int64 signup_time (TIMESTAMP(MICROS,true))")
                .contains("optional int32 birth_year;")
                .contains("optional binary customer_id (STRING)")
                .contains("optional boolean marketing_consent")
                .containsIgnoringWhitespaces("optional group interests (LIST) { repeated group list {"
                        + " optional binary element (STRING); } }");
    }

    @Test
    void offersUseDatesAndEveryTableFollowsTheContractOrder() {
        assertThat(ParquetSchemas.of(WarehouseTable.OFFERS).toString()).contains("optional int32 valid_from (DATE)")
                .contains("optional double discount");
        for (WarehouseTable table : WarehouseTable.values()) {
            MessageType schema = ParquetSchemas.of(table);
            for (int i = 0; i < schema.getFieldCount(); i++) {
                assertThat(schema.getFieldName(i)).isEqualTo(table.columnNames().get(i));
            }
        }
    }

    @Test
    void aRowThatDisagreesWithTheContractFailsOnItsFirstColumn() {
        RowWriter writer = new RowWriter(WarehouseTable.ORDERS);
        assertThatThrownBy(() -> writer.integer(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orders").hasMessageContaining("order_id").hasMessageContaining("INT");
    }
}
