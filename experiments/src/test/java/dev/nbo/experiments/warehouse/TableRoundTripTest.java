package dev.nbo.experiments.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.experiments.attribution.Exposure;
import dev.nbo.experiments.attribution.Outcome;
import dev.nbo.experiments.attribution.OutcomeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableRoundTripTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    @TempDir
    Path warehouse;

    static Map<String, String> choices(String... armAndOffer) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < armAndOffer.length; i += 2) {
            choices.put(armAndOffer[i], armAndOffer[i + 1]);
        }
        return choices;
    }

    static List<DecisionRow> decisions() {
        return List.of(
                new DecisionRow("r1", T0, "C1", "hero", "model", "exp-a", "model", 0.5, false, "nbo-1.3",
                        List.of("OFF-2", "OFF-1"), choices("model", "OFF-2", "control", "OFF-9")),
                // erased customer; the rules arm would have shown nothing (a null value in the map)
                new DecisionRow("r2", T0.plusSeconds(60), null, "hero", "rules", "exp-a", "rules", 0.25, false, null,
                        List.of(), choices("model", "OFF-2", "rules", null)),
                // outside experiments: no experiment, arm, probability, choices
                new DecisionRow("r3", T0.plusSeconds(120), "C3", "footer", "popular", null, null, null, false, null,
                        List.of("OFF-5"), Map.of()),
                // a test profile forced into an arm
                new DecisionRow("r4", T0.plusSeconds(180), "C4", "hero", "fixed", "exp-a", "control", 1.0, true,
                        null, List.of("OFF-9"), Map.of()));
    }

    static List<EventRow> events() {
        return List.of(
                new EventRow("e1", "C1", T0.plusSeconds(5), "email_open", null, null, null, "OFF-2", "r1", null,
                        T0.plusSeconds(6)),
                new EventRow("e2", "C1", T0.plusSeconds(9), "purchase", "P-1", "shoes", "s-1", null, null, 42.5,
                        T0.plusSeconds(10)),
                new EventRow("e3", "C3", T0.plusSeconds(11), "page_view", "P-2", "bags", "s-2", null, null, null,
                        T0.plusSeconds(12)));
    }

    static <R> void export(ExperimentTable<R> table, Path warehouse, List<R> rows) {
        try (TableWriter<R> writer = TableWriter.open(table, warehouse)) {
            rows.forEach(writer::write);
            writer.commit();
        }
    }

    @Test
    void decisionsReadBackEqualWithNullsAndErasedCustomers() {
        export(ExperimentTable.DECISIONS, warehouse, decisions());

        List<DecisionRow> back = TableReader.readAll(ExperimentTable.DECISIONS, warehouse);

        assertThat(back).containsExactlyElementsOf(decisions());
        assertThat(back.get(1).erased()).isTrue();
        assertThat(back.get(1).policyChoices()).containsEntry("rules", null).containsEntry("model", "OFF-2");
        assertThat(back.get(0).time()).isEqualTo(T0);
        assertThat(warehouse.resolve("decisions/part-00000.parquet")).isRegularFile();
    }

    @Test
    void candidatesReadBackEqualWithUnservedRanksNull() {
        List<CandidateRow> rows = List.of(new CandidateRow("r1", "OFF-2", 0.73, 1),
                new CandidateRow("r1", "OFF-1", 0.41, 2), new CandidateRow("r1", "OFF-7", 0.02, null));
        export(ExperimentTable.DECISION_CANDIDATES, warehouse, rows);

        assertThat(TableReader.readAll(ExperimentTable.DECISION_CANDIDATES, warehouse)).containsExactlyElementsOf(rows);
    }

    @Test
    void eventsReadBackEqualWithOptionalColumnsAbsent() {
        export(ExperimentTable.EMAIL_EVENTS, warehouse, events());

        assertThat(TableReader.readAll(ExperimentTable.EMAIL_EVENTS, warehouse)).containsExactlyElementsOf(events());
    }

    @Test
    void theSchemasAreWhatTheDocsSay() {
        export(ExperimentTable.DECISIONS, warehouse, decisions());

        assertThat(TableReader.schema(ExperimentTable.DECISIONS.file(warehouse)).toString())
                .contains("required int64 time (TIMESTAMP(MICROS,true))")
                .contains("optional binary customer_id (STRING)")
                .contains("required group offers (LIST)")
                .contains("required group policy_choices (MAP)");
    }

    @Test
    void anExportReplacesThePreviousOneWhole() throws IOException {
        export(ExperimentTable.DECISIONS, warehouse, decisions());
        Files.writeString(warehouse.resolve("decisions/part-00001.parquet"), "a part of an older export");

        export(ExperimentTable.DECISIONS, warehouse, decisions().subList(0, 1));

        assertThat(TableReader.readAll(ExperimentTable.DECISIONS, warehouse)).containsExactly(decisions().get(0));
        try (Stream<Path> files = Files.list(warehouse.resolve("decisions"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("part-00000.parquet");
        }
    }

    @Test
    void anExportAbandonedBeforeCommitLeavesThePreviousOne() throws IOException {
        export(ExperimentTable.DECISIONS, warehouse, decisions());

        try (TableWriter<DecisionRow> writer = TableWriter.open(ExperimentTable.DECISIONS, warehouse)) {
            writer.write(decisions().get(0));
        }

        assertThat(TableReader.readAll(ExperimentTable.DECISIONS, warehouse)).hasSize(4);
        try (Stream<Path> files = Files.list(warehouse.resolve("decisions"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("part-00000.parquet");
        }
    }

    @Test
    void aMissingTableSaysWhatToRun() {
        assertThatThrownBy(() -> TableReader.readAll(ExperimentTable.EMAIL_EVENTS, warehouse))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no email_events table in " + warehouse)
                .hasMessageContaining("./nbo export-logs --out " + warehouse);
    }

    @Test
    void exposuresAreOneExperimentsDecisionsWithoutErasedCustomers() {
        export(ExperimentTable.DECISIONS, warehouse, decisions());

        List<Exposure> exposures = ExportedLogs.exposures(warehouse, "exp-a");

        assertThat(exposures).extracting(Exposure::requestId).containsExactly("r1", "r4");
        Exposure first = exposures.get(0);
        assertThat(first.customerId()).isEqualTo("C1");
        assertThat(first.arm()).isEqualTo("model");
        assertThat(first.armProbability()).isEqualTo(0.5);
        assertThat(first.offers()).containsExactly("OFF-2", "OFF-1");
        assertThat(first.policyChoices()).containsExactly(Map.entry("model", "OFF-2"), Map.entry("control", "OFF-9"));
        assertThat(exposures.get(1).override()).isTrue();
        assertThat(ExportedLogs.exposures(warehouse, "another")).isEmpty();
    }

    @Test
    void outcomesAreTheOpensClicksAndPurchases() {
        export(ExperimentTable.EMAIL_EVENTS, warehouse, events());

        List<Outcome> outcomes = ExportedLogs.outcomes(warehouse);

        assertThat(outcomes).containsExactly(
                new Outcome("e1", "C1", T0.plusSeconds(5), OutcomeType.OPEN, "r1", "OFF-2", 0),
                new Outcome("e2", "C1", T0.plusSeconds(9), OutcomeType.PURCHASE, null, null, 42.5));
    }
}
