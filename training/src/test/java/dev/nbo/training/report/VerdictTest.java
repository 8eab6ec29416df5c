package dev.nbo.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void aModelBelowTheBestBaselineIsAWarningWithANegativeLift() {
        ObjectNode metrics = ReportFixtures.full();
        ((ObjectNode) metrics.path("ranking").path("model")).put("ndcg@3", 0.38);
        ((ObjectNode) metrics.path("ranking").path("rules")).put("ndcg@3", 0.45);

        Verdict verdict = Verdict.of(metrics);

        // The rules are now the best baseline: 0.38 / 0.45 - 1 = -15.6%; no separate rules sentence.
        assertThat(verdict.text()).startsWith("The model does not beat the best baseline: NDCG@3 0.380 against "
                + "0.450 for Marketers' rules, the best baseline (lift \u221215.6%).")
                .doesNotContain("Against the marketers' rules");
        assertThat(verdict.tone()).isEqualTo(Verdict.Tone.WARNING);
    }

    @Test
    void aBaselineThatScoredZeroGivesNoLift() {
        ObjectNode metrics = ReportFixtures.minimal();
        ObjectNode ranking = metrics.putObject("ranking");
        ranking.putObject("model").put("ndcg@3", 0.2);
        ranking.putObject("random").put("ndcg@3", 0.0);

        assertThat(Verdict.of(metrics).text()).contains("for Random, the best baseline (no relative lift, the "
                + "baseline scores 0).");
    }

    @Test
    void aModelWithoutBaselinesIsStatedWithoutComparison() {
        ObjectNode metrics = ReportFixtures.minimal();
        metrics.putObject("ranking").putObject("model").put("ndcg@3", 0.2);
        metrics.remove("promotion");

        Verdict verdict = Verdict.of(metrics);

        assertThat(verdict.text()).isEqualTo("The model reaches an NDCG@3 of 0.200; no baseline was evaluated. "
                + "No promotion decision was recorded.");
        assertThat(verdict.tone()).isEqualTo(Verdict.Tone.NEUTRAL);
    }

    @Test
    void aModelThatBeatsTheBaselinesButIsNotPromotedIsAWarning() {
        ObjectNode metrics = ReportFixtures.full();
        ((ObjectNode) metrics.path("promotion")).put("promoted", false).put("reason", "manual policy: awaiting review")
                .put("champion", 0.6).put("champion_version", "20261101-060000");

        Verdict verdict = Verdict.of(metrics);

        assertThat(verdict.text()).contains("Decision: not promoted (auto policy on ndcg@3). Reason: manual policy: "
                + "awaiting review. Candidate 0.58 against 0.6 for the current champion (20261101-060000).");
        assertThat(verdict.tone()).isEqualTo(Verdict.Tone.WARNING);
    }

    @Test
    void theLiftIsRelativeToTheBaseline() {
        assertThat(Verdict.lift(new Figure(0.58), new Figure(0.41))).hasValueSatisfying(
                lift -> assertThat(lift.signedPercent()).isEqualTo("+41.5%"));
        assertThat(Verdict.lift(new Figure(0.58), Figure.unknown())).isEmpty();
    }
}
