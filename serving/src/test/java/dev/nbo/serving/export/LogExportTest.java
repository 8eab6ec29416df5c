package dev.nbo.serving.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.experiments.warehouse.CandidateRow;
import dev.nbo.experiments.warehouse.DecisionRow;
import dev.nbo.experiments.warehouse.EventRow;
import dev.nbo.serving.ingest.EventIngestor;
import dev.nbo.serving.ingest.EventLogReader;
import dev.nbo.serving.ingest.IngestResult;
import dev.nbo.serving.ingest.LoggedEvent;
import dev.nbo.serving.log.DecisionLog;
import dev.nbo.serving.log.DecisionRecord;
import dev.nbo.serving.log.ScoredOffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs written by the real classes (decision log with an erasure, event ingestor) become the rows the export
 * writes. That the rows survive the Parquet round trip is {@code TableRoundTripTest}'s job (experiments: reading
 * Parquet needs Hadoop, which serving's classpath never has).
 */
class LogExportTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant RECEIVED = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path logs;

    /** Three decisions (an experiment decision, one outside experiments, one of C2), then C2 erased. */
    static void writeDecisions(Path folder) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("model", "OFF-2");
        choices.put("control", "OFF-9");
        try (DecisionLog log = DecisionLog.open(folder)) {
            log.append(new DecisionRecord("r1", T0, "C1", "hero", "model", "model",
                    List.of(new ScoredOffer("OFF-2", 0.73), new ScoredOffer("OFF-1", 0.41),
                            new ScoredOffer("OFF-7", 0.02)),
                    List.of("OFF-2", "OFF-1"), "nbo-1.3", "exp-a", 0.5, false, choices));
            log.append(new DecisionRecord("r2", T0.plusSeconds(1), "C1", "footer", "popular",
                    List.of(new ScoredOffer("OFF-5", 1)), List.of("OFF-5"), null));
            log.append(new DecisionRecord("r3", T0.plusSeconds(2), "C2", "hero", "fixed", "control", List.of(),
                    List.of("OFF-9"), null, "exp-a", 0.5, false, choices));
            log.erase("C2");
        }
    }

    /** An open (with request id), a purchase with revenue and a page view, through the real ingestor. */
    static void writeEvents(Path folder) {
        Clock clock = Clock.fixed(RECEIVED, ZoneOffset.UTC);
        try (EventIngestor ingestor = EventIngestor.open(folder, id -> Optional.of("shoes"), rows -> { }, clock)) {
            IngestResult result = ingestor.ingest("""
                    [{"event_id": "e1", "customer_id": "C1", "time": "2026-03-01T10:05:00Z", "type": "email_open",
                      "offer_id": "OFF-2", "request_id": "r1"},
                     {"event_id": "e2", "customer_id": "C1", "time": "2026-03-01T11:00:00.000001Z",
                      "type": "purchase", "revenue": 42.5, "request_id": "r1"},
                     {"event_id": "e3", "customer_id": "C3", "time": "2026-03-01T11:30:00Z", "type": "page_view",
                      "product_id": "P1", "session_id": "s-1"}]""".getBytes(StandardCharsets.UTF_8));
            assertThat(result.accepted()).isEqualTo(3);
        }
    }

    @Test
    void decisionsBecomeRowsWithTheErasedCustomerNullAndCandidatesRanked() {
        writeDecisions(logs.resolve("decisions"));
        List<DecisionRow> decisions = new ArrayList<>();
        List<CandidateRow> candidates = new ArrayList<>();

        DecisionLog.read(logs.resolve("decisions"), record -> {
            decisions.add(LogExport.decisionRow(record));
            candidates.addAll(LogExport.candidateRows(record));
        });

        assertThat(decisions).containsExactly(
                new DecisionRow("r1", T0, "C1", "hero", "model", "exp-a", "model", 0.5, false, "nbo-1.3",
                        List.of("OFF-2", "OFF-1"), Map.of("model", "OFF-2", "control", "OFF-9")),
                new DecisionRow("r2", T0.plusSeconds(1), "C1", "footer", "popular", null, null, null, false, null,
                        List.of("OFF-5"), Map.of()),
                new DecisionRow("r3", T0.plusSeconds(2), null, "hero", "fixed", "exp-a", "control", 0.5, false,
                        null, List.of("OFF-9"), Map.of("model", "OFF-2", "control", "OFF-9")));
        assertThat(candidates).containsExactly(new CandidateRow("r1", "OFF-2", 0.73, 1),
                new CandidateRow("r1", "OFF-1", 0.41, 2), new CandidateRow("r1", "OFF-7", 0.02, null),
                new CandidateRow("r2", "OFF-5", 1, 1));
    }

    @Test
    void eventsBecomeRowsWithOutcomeFieldsAndIngestionTime() {
        writeEvents(logs.resolve("events"));
        List<EventRow> rows = new ArrayList<>();

        EventLogReader.read(logs.resolve("events"), (LoggedEvent logged) -> rows.add(LogExport.eventRow(logged)));

        assertThat(rows).containsExactly(
                new EventRow("e1", "C1", Instant.parse("2026-03-01T10:05:00Z"), "email_open", null, null, null,
                        "OFF-2", "r1", null, RECEIVED),
                new EventRow("e2", "C1", Instant.parse("2026-03-01T11:00:00.000001Z"), "purchase", null, null, null,
                        null, "r1", 42.5, RECEIVED),
                new EventRow("e3", "C3", Instant.parse("2026-03-01T11:30:00Z"), "page_view", "P1", "shoes", "s-1",
                        null, null, null, RECEIVED));
    }

    @Test
    void theExportWritesTheThreeTablesAndCountsTheirRows() throws IOException {
        writeDecisions(logs.resolve("decisions"));
        writeEvents(logs.resolve("events"));
        Path warehouse = logs.resolve("warehouse");
        List<String> progress = new ArrayList<>();

        LogExport.Summary summary = LogExport.run(logs.resolve("decisions"), logs.resolve("events"), warehouse, 2,
                (log, read) -> progress.add(log + " " + read));

        assertThat(summary).isEqualTo(new LogExport.Summary(warehouse, 3, 4, 3));
        assertThat(progress).containsExactly("decision log 2", "event log 2");
        for (String table : List.of("decisions", "decision_candidates", "email_events")) {
            try (Stream<Path> files = Files.list(warehouse.resolve(table))) {
                assertThat(files.map(f -> f.getFileName().toString())).as(table)
                        .containsExactly("part-00000.parquet");
            }
            byte[] bytes = Files.readAllBytes(warehouse.resolve(table).resolve("part-00000.parquet"));
            assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).as(table).isEqualTo("PAR1");
            assertThat(new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII)).as(table).isEqualTo("PAR1");
        }
    }

    @Test
    void theExportReadsALogTheServerHoldsOpenAndLeavesItsTornTailAlone() throws IOException {
        Path folder = logs.resolve("decisions");
        writeDecisions(folder);
        try (DecisionLog live = DecisionLog.open(folder)) {
            Path segment;
            try (Stream<Path> files = Files.list(folder)) {
                segment = files.filter(f -> f.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
            }
            // an append in flight: a record header announcing 100 bytes, 3 of them on disk so far
            Files.write(segment, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 'a', 'b', 'c'}, StandardOpenOption.APPEND);
            long size = Files.size(segment);
            List<String> read = new ArrayList<>();

            long count = DecisionLog.read(folder, record -> read.add(record.requestId()));

            assertThat(count).isEqualTo(3);
            assertThat(read).containsExactly("r1", "r2", "r3");
            assertThat(Files.size(segment)).as("the export truncates nothing").isEqualTo(size);
            assertThat(live.append(new DecisionRecord("r4", T0, "C4", "hero", "popular", List.of(), List.of(),
                    null))).as("the server appends on").isEqualTo(3);
        }
    }
}
