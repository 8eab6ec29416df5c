package dev.nbo.features.importer;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The problems that make an export unreadable (a date in no known layout, a quantity that is not a whole number, a
 * line without an invoice...), counted in one pass over the file and reported together, each with its column, its
 * count and an example, so that the user can fix the file in one go. Data-quality issues the import handles (no
 * customer, duplicates...) are not problems here: {@link LineRules} counts them.
 */
final class InputChecks {
    private final String file;
    private final List<Check> checks = new ArrayList<>();

    InputChecks(String file) {
        this.file = file;
    }

    /**
     * A problem: {@code condition} marks the bad lines of the file's column {@code column}; {@code example} is what
     * the message shows for one of them.
     */
    InputChecks problem(String column, String problem, Column condition, Column example) {
        checks.add(new Check(column, problem, condition, example));
        return this;
    }

    /** Counts every problem in one pass; throws when any line has one. */
    void verify(Dataset<Row> rows) {
        List<Column> aggregates = new ArrayList<>();
        for (Check check : checks) {
            Column bad = check.condition().isNotNull().and(check.condition());
            aggregates.add(sum(when(bad, 1L).otherwise(0L)));
            aggregates.add(min(when(bad, check.example())));
        }
        Row counts = rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .first();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            long count = counts.isNullAt(2 * i) ? 0 : counts.getLong(2 * i);
            if (count > 0) {
                Check check = checks.get(i);
                found.add(String.format("column %s: %,d line%s with %s, e.g. %s", check.column(), count,
                        count == 1 ? "" : "s", check.problem(), counts.getString(2 * i + 1)));
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalArgumentException(file + " cannot be imported:\n  " + String.join("\n  ", found)
                    + "\nFix these values in the file (or export it again) and rerun the import.");
        }
    }

    /** An example of a bad value for messages: the value quoted, with its invoice. */
    static Column example(Column value, Column invoice) {
        return concat_ws("", lit("'"), value.cast("string"), lit("' (invoice "),
                coalesce(invoice.cast("string"), lit("none")), lit(")"));
    }

    private record Check(String column, String problem, Column condition, Column example) {
    }
}
