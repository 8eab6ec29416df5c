package dev.nbo.serving.export;

import dev.nbo.experiments.warehouse.CandidateRow;
import dev.nbo.experiments.warehouse.DecisionRow;
import dev.nbo.experiments.warehouse.EventRow;
import dev.nbo.experiments.warehouse.ExperimentTable;
import dev.nbo.experiments.warehouse.TableWriter;
import dev.nbo.models.feature.Window;
import dev.nbo.serving.ingest.Event;
import dev.nbo.serving.ingest.EventLogReader;
import dev.nbo.serving.ingest.LoggedEvent;
import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionRecord;
import dev.nbo.serving.log.ScoredOffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Writes the decision log and the event log as the {@code decisions}, {@code decision_candidates} and
 * {@code email_events} tables of a warehouse folder. Every export is a full snapshot of the logs: the three files are
 * written aside and put in place only once all three are complete, each replacing the previous export's file in one
 * atomic rename, so a failed export leaves the previous one whole. The logs are read without being opened
 * ({@link DecisionLog#read}, {@link EventLogReader}), which is safe while the server runs: the export holds what was
 * on disk when each log was read.
 */
public final class LogExport {
    private LogExport() {
    }

    /** Rows written per table, and where. */
    public record Summary(Path warehouse, long decisions, long candidates, long events) {
    }

    /**
     * @param decisionLog   the decision log's folder ({@code <logs.dir>/decisions})
     * @param eventIngestor the event ingestor's folder ({@code <logs.dir>/events})
     * @param progressEvery report progress after every this many records of a log
     * @param progress      called with the log's name and the records read so far
     */
    public static Summary run(Path decisionLog, Path eventIngestor, Path warehouse, long progressEvery,
                              ObjLongConsumer<String> progress) {
        if (progressEvery < 1) {
            throw new IllegalArgumentException("progress interval must be at least 1 record, got " + progressEvery);
        }
        try (TableWriter<DecisionRow> decisions = TableWriter.open(ExperimentTable.DECISIONS, warehouse);
             TableWriter<CandidateRow> candidates = TableWriter.open(ExperimentTable.DECISION_CANDIDATES, warehouse);
             TableWriter<EventRow> events = TableWriter.open(ExperimentTable.EMAIL_EVENTS, warehouse)) {
            long[] read = new long[1];
            DecisionLog.read(decisionLog, record -> {
                decisions.write(decisionRow(record));
                candidateRows(record).forEach(candidates::write);
                if (++read[0] % progressEvery == 0) {
                    progress.accept("decision log", read[0]);
                }
            });
            read[0] = 0;
            EventLogReader.read(eventIngestor, logged -> {
                events.write(eventRow(logged));
                if (++read[0] % progressEvery == 0) {
                    progress.accept("event log", read[0]);
                }
            });
            decisions.commit();
            candidates.commit();
            events.commit();
            return new Summary(warehouse, decisions.rows(), candidates.rows(), events.rows());
        }
    }

    static DecisionRow decisionRow(DecisionRecord record) {
        return new DecisionRow(record.requestId(), record.time(), record.customerId(), record.block(),
                record.strategy(), record.experiment(), record.experimentArm(), record.armProbability(),
                record.override(), record.modelVersion(), record.chosen(), record.policyChoices());
    }

    /** Every candidate with its score; its rank is its position among the offers served, null when not served. */
    static List<CandidateRow> candidateRows(DecisionRecord record) {
        List<CandidateRow> rows = new ArrayList<>(record.candidates().size());
        for (ScoredOffer candidate : record.candidates()) {
            int position = record.chosen().indexOf(candidate.offerId());
            rows.add(new CandidateRow(record.requestId(), candidate.offerId(), candidate.score(),
                    position < 0 ? null : position + 1));
        }
        return rows;
    }

    static EventRow eventRow(LoggedEvent logged) {
        Event event = logged.event();
        return new EventRow(event.eventId(), event.customerId(), instant(event.timeMicros()),
                event.type().wireName(), event.productId(), event.category(), event.sessionId(), event.offerId(),
                event.requestId(), event.revenue(), instant(logged.ingestedAtMicros()));
    }

    private static Instant instant(long micros) {
        return Window.instant(micros);
    }
}
