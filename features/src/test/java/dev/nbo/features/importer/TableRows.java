package dev.nbo.features.importer;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A table's rows as sorted lines of text ({@code a | b | c}), timestamps as UTC instants, for exact comparisons. */
final class TableRows {
    private TableRows() {
    }

    static List<String> of(Dataset<Row> table) {
        List<String> lines = new ArrayList<>();
        for (Row row : table.collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                Object value = row.get(i);
                if (value instanceof Timestamp t) {
                    value = t.toInstant();
                } else if (value instanceof scala.collection.Seq<?> seq) {
                    value = scala.jdk.javaapi.CollectionConverters.asJava(seq);
                }
                values.add(String.valueOf(value));
            }
            lines.add(String.join(" | ", values));
        }
        lines.sort(null);
        return lines;
    }
}
