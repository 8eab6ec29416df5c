package dev.nbo.features.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.nbo.models.id.IdFormat;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The checks of one table, in order: a row gets the reason of the first check it fails (in the {@code reason}
 * column) and goes to quarantine; field corrections keep the row but fix a value, and are counted.
 */
final class TableChecks {
    static final String REASON = "reason";
    private static final String ANCHORED_ID = "^(" + IdFormat.REGEX + ")$";

    private final List<String> reasons = new ArrayList<>();
    private final List<Column> conditions = new ArrayList<>();
    private final List<String> corrections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Dataset<Row> frame;

    TableChecks(Dataset<Row> frame) {
        this.frame = frame;
    }

    /** Quarantines rows matching {@code condition} (a null condition counts as false). */
    TableChecks reject(String reason, Column condition) {
        reasons.add(reason);
        conditions.add(condition);
        return this;
    }

    /** Quarantines rows whose {@code column} is null or not a valid id. */
    TableChecks rejectInvalidId(String reason, String column) {
        return reject(reason, col(column).isNull().or(col(column).rlike(ANCHORED_ID).unary_$bang()));
    }

    /**
     * Quarantines every row but the first of each {@code keys} group, first meaning smallest by {@code order} (then
     * by every column, so that the kept row never depends on file order).
     */
    TableChecks rejectDuplicates(String reason, List<String> keys, Column... order) {
        List<Column> ordering = new ArrayList<>(List.of(order));
        for (String column : frame.columns()) {
            if (!column.startsWith("_")) {
                ordering.add(col(column).asc_nulls_last());
            }
        }
        String rank = "_rank_" + reasons.size();
        Column[] partition = keys.stream().map(k -> col(k)).toArray(Column[]::new);
        frame = frame.withColumn(rank, row_number().over(
                Window.partitionBy(partition).orderBy(ordering.toArray(Column[]::new))));
        return reject(reason, col(rank).gt(1));
    }

    /** Adds a helper column the checks can use (it does not reach the output). */
    TableChecks with(String helper, Column value) {
        frame = frame.withColumn(helper, value);
        return this;
    }

    /** Replaces the frame, e.g. after joining a reference table for a lookup. */
    TableChecks frame(java.util.function.UnaryOperator<Dataset<Row>> change) {
        frame = change.apply(frame);
        return this;
    }

    /** Keeps the row but replaces {@code column} by {@code value} where {@code condition} holds; counted by name. */
    TableChecks correct(String name, String column, Column condition, Column value) {
        corrections.add(name);
        frame = frame.withColumn("_fix_" + name, condition.isNotNull().and(condition))
                .withColumn(column, when(condition.isNotNull().and(condition), value).otherwise(col(column)));
        return this;
    }

    /** Marks rows for an informational count without rejecting or changing them. */
    TableChecks note(String name, Column condition) {
        notes.add(name);
        frame = frame.withColumn("_note_" + name, condition.isNotNull().and(condition));
        return this;
    }

    /** The frame with a {@code reason} column (null for valid rows) and the helper columns still attached. */
    Dataset<Row> checked() {
        Column reason = lit(null).cast("string");
        for (int i = reasons.size() - 1; i >= 0; i--) {
            Column condition = conditions.get(i);
            reason = when(condition.isNotNull().and(condition), lit(reasons.get(i))).otherwise(reason);
        }
        return frame.withColumn(REASON, reason);
    }

    List<String> reasons() {
        return reasons;
    }

    List<String> corrections() {
        return corrections;
    }

    List<String> notes() {
        return notes;
    }
}
