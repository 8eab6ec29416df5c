package dev.nbo.models.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PromotionGateTest {
    private static final String CANDIDATE = "20261102-030000";
    private static final String CHAMPION = "20261101-030000";
    private static final Parity PASSED = Parity.of(5000, 2e-7, 5000, 0, 1e-5);
    private static final Parity FAILED = Parity.of(5000, 3e-4, 5000, 2, 1e-5);

    private final PromotionGate gate = new PromotionGate(new GateConfig("ndcg@3", 0.005, true, 0,
            PromotionPolicy.AUTO));

    @Test
    void autoPromotesTheFirstModelWhenThereIsNoChampion() {
        PromotionDecision decision = gate.decide(PromotionPolicy.AUTO, candidate(0.412), Optional.empty());

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("promoted: there is no champion yet (ndcg@3 0.412)");
        assertThat(decision.candidateValue()).hasValue(0.412);
        assertThat(decision.champion()).isEmpty();
    }

    @Test
    void autoKeepsACandidateThatIsWorse() {
        PromotionDecision decision = gate.decide(PromotionPolicy.AUTO, candidate(0.412), rescored(0.415));

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).isEqualTo("kept as candidate: ndcg@3 0.412 does not beat champion "
                + "20261101-030000 (0.415) by the margin 0.005");
    }

    @Test
    void autoKeepsACandidateThatGainsExactlyTheMarginOrLess() {
        assertThat(gate.decide(PromotionPolicy.AUTO, candidate(0.420), rescored(0.415)).promote())
                .as("0.420 - 0.415 is the margin itself").isFalse();
        assertThat(gate.decide(PromotionPolicy.AUTO, candidate(0.425), rescored(0.420)).promote())
                .as("0.425 - 0.420 is the margin give or take floating-point noise").isFalse();
        assertThat(gate.decide(PromotionPolicy.AUTO, candidate(0.418), rescored(0.415)).promote()).isFalse();
    }

    @Test
    void autoPromotesACandidateThatBeatsTheChampionByMoreThanTheMargin() {
        PromotionDecision decision = gate.decide(PromotionPolicy.AUTO, candidate(0.421), rescored(0.415));

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("promoted: ndcg@3 0.421 beats champion 20261101-030000 (0.415) by"
                + " 0.006, more than the margin 0.005");
        assertThat(decision.champion()).contains(ChampionScore.rescored(CHAMPION, 0.415));
    }

    @Test
    void withoutAMarginATieIsNotAWinButAnyGainIs() {
        PromotionGate noMargin = new PromotionGate(GateConfig.DEFAULT);

        assertThat(noMargin.decide(PromotionPolicy.AUTO, candidate(0.415), rescored(0.415)).promote()).isFalse();
        assertThat(noMargin.decide(PromotionPolicy.AUTO, candidate(0.4151), rescored(0.415)).promote()).isTrue();
    }

    @Test
    void forALossLowerIsBetter() {
        PromotionGate byLoss = new PromotionGate(new GateConfig("log_loss", 0.01, false, 0, PromotionPolicy.AUTO));
        ModelManifest candidate = ManifestFixture.manifest("propensity", CANDIDATE, Map.of("log_loss", 0.30), PASSED);

        assertThat(byLoss.decide(PromotionPolicy.AUTO, candidate, Optional.of(ChampionScore.rescored(CHAMPION, 0.32)))
                .promote()).isTrue();
        PromotionDecision kept = byLoss.decide(PromotionPolicy.AUTO, candidate,
                Optional.of(ChampionScore.rescored(CHAMPION, 0.305)));
        assertThat(kept.promote()).isFalse();
        assertThat(kept.reason()).isEqualTo("kept as candidate: log_loss 0.3 does not beat champion 20261101-030000"
                + " (0.305) by the margin 0.01");
    }

    @Test
    void saysSoWhenTheChampionsValueComesFromAnOlderHoldout() {
        ModelManifest champion = ManifestFixture.manifest("propensity", CHAMPION, Map.of("ndcg@3", 0.400), PASSED);
        Optional<ChampionScore> recorded = Optional.of(ChampionScore.recorded(champion, "ndcg@3"));

        PromotionDecision decision = gate.decide(PromotionPolicy.AUTO, candidate(0.412), recorded);

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("promoted: ndcg@3 0.412 beats champion 20261101-030000 (0.4) by 0.012,"
                + " more than the margin 0.005; the champion's value is the one recorded on its own older holdout,"
                + " not re-scored on this candidate's holdout, so the comparison is only indicative");
        assertThat(decision.champion().orElseThrow().sameHoldout()).isFalse();
        assertThat(gate.decide(PromotionPolicy.AUTO, candidate(0.401), recorded).reason())
                .startsWith("kept as candidate: ndcg@3 0.401 does not beat").contains("older holdout");
        assertThatThrownBy(() -> ChampionScore.recorded(champion, "hit_rate@3"))
                .hasMessageContaining("has no recorded metric 'hit_rate@3' (it has [ndcg@3])");
    }

    @Test
    void autoKeepsTheCandidateWhenTheHoldoutIsTooSmallToCompare() {
        PromotionGate strict = new PromotionGate(new GateConfig("ndcg@3", 0.0, true, 1000, PromotionPolicy.AUTO));
        ModelManifest small = ManifestFixture.manifest("propensity", CANDIDATE, Map.of("ndcg@3", 0.5), PASSED, 300);

        PromotionDecision decision = strict.decide(PromotionPolicy.AUTO, small, rescored(0.415));

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).isEqualTo("kept as candidate: the holdout has 300 rows, fewer than"
                + " min_holdout_rows 1000, too few to compare ndcg@3 0.5 with champion 20261101-030000 (0.415)");
        assertThat(strict.decide(PromotionPolicy.AUTO, small, Optional.empty()).promote())
                .as("with no champion there is nothing to compare").isTrue();
    }

    @Test
    void autoRefusesACandidateWithoutTheGateMetric() {
        ModelManifest candidate = ManifestFixture.manifest("propensity", CANDIDATE, Map.of("auc", 0.8), PASSED);

        assertThatThrownBy(() -> gate.decide(PromotionPolicy.AUTO, candidate, rescored(0.415)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidate 20261102-030000 has no metric 'ndcg@3' (it has [auc])");
    }

    @Test
    void neverKeepsEvenABetterCandidate() {
        PromotionDecision decision = gate.decide(PromotionPolicy.NEVER, candidate(0.5), rescored(0.415));

        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).isEqualTo("kept as candidate: the promotion policy is never (ndcg@3 0.5);"
                + " champion 20261101-030000 (0.415) stays; promote it by hand if wanted");
    }

    @Test
    void forcePromotesEvenAWorseCandidate() {
        PromotionDecision decision = gate.decide(PromotionPolicy.FORCE, candidate(0.3), rescored(0.415));

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("promoted by force (ndcg@3 0.3); it replaces champion 20261101-030000"
                + " (0.415)");
    }

    @Test
    void forceNeedsNoMetric() {
        ModelManifest candidate = ManifestFixture.manifest("propensity", CANDIDATE, Map.of("auc", 0.8), PASSED);

        PromotionDecision decision = gate.decide(PromotionPolicy.FORCE, candidate, Optional.empty());

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("promoted by force");
        assertThat(decision.candidateValue()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PromotionPolicy.class)
    void aFailedParityIsNeverPromotedWhateverThePolicy(PromotionPolicy policy) {
        ModelManifest broken = ManifestFixture.manifest("propensity", CANDIDATE, Map.of("ndcg@3", 0.9), FAILED);

        PromotionDecision decision = gate.decide(policy, broken, Optional.empty());

        assertThat(decision.promote()).isFalse();
        assertThat(decision.policy()).isEqualTo(policy);
        assertThat(decision.reason()).startsWith("kept as candidate: the ONNX export does not match the trained model"
                + " (max_abs_diff 3.0E-4 against tolerance 1.0E-5 on 5000 rows, 2 of 5000 segment assignments"
                + " differ)").contains("not even with --promote force");
    }

    private static ModelManifest candidate(double ndcg) {
        return ManifestFixture.manifest("propensity", CANDIDATE, Map.of("ndcg@3", ndcg, "auc", 0.78), PASSED);
    }

    private static Optional<ChampionScore> rescored(double value) {
        return Optional.of(ChampionScore.rescored(CHAMPION, value));
    }
}
