package dev.nbo.experiments.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * A table of the experiment export: its name (its folder in the warehouse), Parquet schema, and how a row is written
 * and read.
 */
public final class ExperimentTable<R> {
    /** Every served decision (the chosen offers in rank order), one row per request. */
    public static final ExperimentTable<DecisionRow> DECISIONS = new ExperimentTable<>("decisions",
            DecisionRow.SCHEMA, (row, out) -> row.write(out), DecisionRow::read);
    /** Every candidate of every decision with its score and rank (null when not served), for retraining. */
    public static final ExperimentTable<CandidateRow> DECISION_CANDIDATES = new ExperimentTable<>(
            "decision_candidates", CandidateRow.SCHEMA, (row, out) -> row.write(out), CandidateRow::read);
    /** Every event of the event log (behaviour and e-mail outcomes), with request id, revenue and ingestion time. */
    public static final ExperimentTable<EventRow> EMAIL_EVENTS = new ExperimentTable<>("email_events",
            EventRow.SCHEMA, (row, out) -> row.write(out), EventRow::read);
    public static final List<ExperimentTable<?>> ALL = List.of(DECISIONS, DECISION_CANDIDATES, EMAIL_EVENTS);

    /** The one file of a table; Spark reads the folder. */
    public static final String PART_FILE = "part-00000.parquet";

    private final String name;
    private final MessageType schema;
    private final BiConsumer<R, RecordConsumer> writer;
    private final Function<Group, R> reader;

    private ExperimentTable(String name, MessageType schema, BiConsumer<R, RecordConsumer> writer,
                            Function<Group, R> reader) {
        this.name = name;
        this.schema = schema;
        this.writer = writer;
        this.reader = reader;
    }

    public String name() {
        return name;
    }

    public MessageType schema() {
        return schema;
    }

    /** {@code <warehouse>/<name>/part-00000.parquet}. */
    public Path file(Path warehouse) {
        return folder(warehouse).resolve(PART_FILE);
    }

    public Path folder(Path warehouse) {
        return warehouse.resolve(name);
    }

    void write(R row, RecordConsumer out) {
        writer.accept(row, out);
    }

    R read(Group row) {
        return reader.apply(row);
    }

    @Override
    public String toString() {
        return name;
    }
}
