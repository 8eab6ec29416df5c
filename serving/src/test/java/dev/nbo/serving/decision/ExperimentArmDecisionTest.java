package dev.nbo.serving.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.experiments.assign.Assigner;
import dev.nbo.experiments.assign.Assignment;
import dev.nbo.experiments.config.ExperimentsConfig;
import dev.nbo.experiments.config.ExperimentsConfigLoader;
import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.serving.experiment.ExperimentDecider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExperimentDecider} on the real engine and test model: the arm's policy decides, every arm's choice logged. */
class ExperimentArmDecisionTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws IOException {
        DecisionEngineTest.load(dir);
    }

    @AfterAll
    static void close() {
        DecisionEngineTest.close();
    }
    private static final String YAML = """
            holdout_percent: %s
            experiments:
              - name: recs-test
                block: recs
                salt: s
                start: 2025-01-01
                end: 2026-01-01
                arms:
                  - {name: model, strategy: model}
                  - {name: rules, strategy: rules}
                  - {name: control, offers: [fitness-20, running-20]}
                overrides: {C-OPTOUT: model}
            """;

    private static ExperimentDecider decider(double holdoutPercent) {
        return decider(holdoutPercent, DecisionEngineTest.engine(new ExposureCounter(30)));
    }

    private static ExperimentDecider decider(double holdoutPercent, DecisionEngine engine) {
        ExperimentsConfig config = ExperimentsConfigLoader.parse("experiments.yaml", YAML.formatted(holdoutPercent),
                b -> true, o -> true);
        RuleSet rules = RuleSet.load(ProjectFiles.config("rules.yaml"), DecisionEngineTest.SPEC,
                DecisionEngineTest.OFFERS);
        return new ExperimentDecider(engine, new Assigner(config), Map.of("recs-test/rules", rules));
    }

    private static Decision decide(ExperimentDecider decider, String customer) {
        return decider.decide(new DecisionRequest("r1", customer, DecisionEngineTest.block(Strategy.MODEL, 5, null,
                null), 3, false, DecisionEngineTest.NOW));
    }

    @Test
    void theCustomersArmDecidesAndEveryArmsFirstChoiceIsLogged() {
        ExperimentDecider decider = decider(0);
        Assignment assignment = decider.assigner().assign(decider.assigner().config().experiments().get(0),
                "C-RUNNER");
        Decision decision = decide(decider, "C-RUNNER");

        ExperimentArm arm = decision.experiment();
        assertThat(arm.experiment()).isEqualTo("recs-test");
        assertThat(arm.arm()).isEqualTo(assignment.arm());
        assertThat(arm.probability()).isEqualTo(1.0 / 3);
        assertThat(arm.policyChoices()).containsOnlyKeys("model", "rules", "control");
        assertThat(arm.policyChoices().get(arm.arm())).isEqualTo(decision.firstOfferId());
        assertThat(arm.policyChoices().get("control")).isEqualTo("fitness-20");
        String expectedStrategy = assignment.arm().equals("control") ? "fixed" : assignment.arm();
        assertThat(decision.strategy().wireName()).isEqualTo(expectedStrategy);
        // the model arm's choice is the model's own, as a plain model block decides it
        Decision plainModel = DecisionEngineTest.engine(new ExposureCounter(30)).decideShadow(new DecisionRequest("r0",
                "C-RUNNER", DecisionEngineTest.block(Strategy.MODEL, 5, null, null), 3, false,
                DecisionEngineTest.NOW));
        assertThat(arm.policyChoices().get("model")).isEqualTo(plainModel.firstOfferId());
    }

    @Test
    void theArmsOfOneRequestReadTheCustomerOnce() {
        AtomicInteger reads = new AtomicInteger();
        FeatureSource counting = new FeatureSource() {
            @Override
            public Optional<CustomerView> customer(String customerId, long nowMicros) {
                reads.incrementAndGet();
                return DecisionEngineTest.features.customer(customerId, nowMicros);
            }

            @Override
            public Map<String, FeatureValue> offerFeatures(OfferId offerId, long nowMicros) {
                return DecisionEngineTest.features.offerFeatures(offerId, nowMicros);
            }
        };
        ExperimentDecider decider = decider(0, DecisionEngineTest.engine(new ExposureCounter(30), counting));

        Decision decision = decide(decider, "C-RUNNER");

        assertThat(decision.experiment().policyChoices()).containsOnlyKeys("model", "rules", "control");
        assertThat(reads).hasValue(1);
    }

    @Test
    void readsOfOneCustomerAreRefusedForAnother() {
        DecisionEngine engine = DecisionEngineTest.engine(new ExposureCounter(30));
        CustomerReads reads = engine.reads("C-RUNNER", DecisionEngineTest.NOW);

        assertThatThrownBy(() -> engine.decide(new DecisionRequest("r1", "C-OPTOUT",
                DecisionEngineTest.block(Strategy.MODEL, 5, null, null), 3, false, DecisionEngineTest.NOW), reads))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C-OPTOUT");
    }

    @Test
    void aHoldoutCustomerGetsTheControlAndAnOverrideItsArmWithoutPolicyChoices() {
        ExperimentDecider everyoneHeldOut = decider(50);
        Decision held = null;
        for (int i = 0; i < 50 && held == null; i++) {
            Decision d = decide(everyoneHeldOut, "C-RUNNER-" + i);
            if (d.experiment().arm().equals(Assignment.HOLDOUT)) {
                held = d;
            }
        }
        assertThat(held).isNotNull();
        assertThat(held.strategy()).isEqualTo(Strategy.FIXED);
        assertThat(held.experiment().probability()).isEqualTo(0.5);
        assertThat(held.experiment().policyChoices()).isEmpty();

        Decision forced = decide(decider(0), "C-OPTOUT");
        assertThat(forced.experiment().arm()).isEqualTo("model");
        assertThat(forced.experiment().override()).isTrue();
        assertThat(forced.experiment().probability()).isEqualTo(1.0);
        assertThat(forced.fallback()).isEqualTo("opted_out");
    }

    @Test
    void aBlockWithoutARunningExperimentIsDecidedByItsOwnStrategy() {
        Decision decision = decider(0).decide(new DecisionRequest("r1", "C-RUNNER", new BlockPolicy("other-block",
                Strategy.MODEL, java.util.List.of(), 3, 5, 1.0, null, null, java.util.Optional.empty()), 3, false,
                DecisionEngineTest.NOW));
        assertThat(decision.experiment()).isNull();
        assertThat(decision.strategy()).isEqualTo(Strategy.MODEL);
    }
}
