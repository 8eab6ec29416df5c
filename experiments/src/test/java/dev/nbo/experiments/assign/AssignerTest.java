package dev.nbo.experiments.assign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.config.ExperimentsConfig;
import dev.nbo.experiments.config.ExperimentsConfigLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class AssignerTest {
    private static final String YAML = """
            holdout_percent: 10
            holdout_salt: global
            experiments:
              - name: recs
                block: recs
                salt: recs-2026-12
                start: 2026-12-01
                end: 2027-01-01
                arms:
                  - {name: model, strategy: model, weight: 2}
                  - {name: rules, strategy: rules, weight: 1}
                  - {name: control, offers: [OFF-1], weight: 1}
                overrides:
                  TEST-1: rules
            """;
    private static final ExperimentsConfig CONFIG = ExperimentsConfigLoader.parse("experiments.yaml", YAML,
            Set.of("recs")::contains, Set.of("OFF-1")::contains);
    private static final ExperimentSpec RECS = CONFIG.experiment("recs").orElseThrow();

    @Test
    void theHashIsTheDocumentedOneRecomputedElsewhere() {
        // python3: h = int.from_bytes(hashlib.sha256(b"recs-2026-12:C0001").digest()[:8], "big"); (h >> 11) / 2**53
        assertThat(UnitHash.of("recs-2026-12", "C0001")).isEqualTo(0.525414142007651);
        assertThat(UnitHash.of("recs-2026-12", "C0002")).isEqualTo(0.689139564191899);
        assertThat(UnitHash.of("salt", "customer-42")).isEqualTo(0.2516241993774512);
    }

    @Test
    void assignmentIsUniformOverAMillionIdsByChiSquare() {
        ExperimentsConfig noHoldout = new ExperimentsConfig(0, "global", CONFIG.attributionWindow(),
                CONFIG.experiments());
        Assigner assigner = new Assigner(noHoldout);
        Map<String, Integer> counts = new HashMap<>();
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            counts.merge(assigner.assign(RECS, "C" + i).arm(), 1, Integer::sum);
        }
        double[] expected = {0.5 * n, 0.25 * n, 0.25 * n};
        int[] observed = {counts.get("model"), counts.get("rules"), counts.get("control")};
        double chi2 = 0;
        for (int i = 0; i < 3; i++) {
            chi2 += Math.pow(observed[i] - expected[i], 2) / expected[i];
        }
        double p = 1 - new ChiSquaredDistribution(2).cumulativeProbability(chi2);
        assertThat(p).as("chi-square %.3f over %s", chi2, counts).isGreaterThan(0.001);
    }

    @Test
    void holdoutTakesItsShareAndIsTheSameCustomersInEveryExperiment() {
        Assigner assigner = new Assigner(CONFIG);
        int held = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            Assignment a = assigner.assign(RECS, "C" + i);
            if (a.holdout()) {
                held++;
                assertThat(a.probability()).isEqualTo(0.10);
                assertThat(UnitHash.of("global", "C" + i)).isLessThan(0.10);
            }
        }
        // 10% of 100,000 with a binomial sd of about 95: 6 sd either side never fails by chance
        assertThat(held).isBetween(9_430, 10_570);
    }

    @Test
    void assignmentIsStickyAcrossInstancesAndDependsOnlyOnSaltAndId() {
        Assignment first = new Assigner(CONFIG).assign("recs", "C0001", Instant.parse("2026-12-05T00:00:00Z"))
                .orElseThrow();
        Assignment again = new Assigner(ExperimentsConfigLoader.parse("copy.yaml", YAML, b -> true, o -> true))
                .assign("recs", "C0001", Instant.parse("2026-12-20T00:00:00Z")).orElseThrow();
        assertThat(again).isEqualTo(first);
        // u = 0.5254 with cumulative shares model 0.5, rules 0.75: rules, unless C0001 is held out
        double holdoutHash = UnitHash.of("global", "C0001");
        assertThat(first.arm()).isEqualTo(holdoutHash < 0.10 ? Assignment.HOLDOUT : "rules");
    }

    @Test
    void overridesForceTheArmAndNoExperimentOutsideItsDates() {
        Assigner assigner = new Assigner(CONFIG);
        Assignment forced = assigner.assign("recs", "TEST-1", Instant.parse("2026-12-05T00:00:00Z")).orElseThrow();
        assertThat(forced).isEqualTo(new Assignment("recs", "rules", 1.0, true));
        assertThat(assigner.assign("recs", "C1", Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
        assertThat(assigner.assign("recs", "C1", Instant.parse("2026-11-30T23:59:59Z"))).isEmpty();
        assertThat(assigner.assign("other-block", "C1", Instant.parse("2026-12-05T00:00:00Z"))).isEmpty();
    }

    @Test
    void probabilityIsTheArmsWeightShare() {
        Assigner assigner = new Assigner(new ExperimentsConfig(0, "g", CONFIG.attributionWindow(),
                CONFIG.experiments()));
        for (int i = 0; i < 200; i++) {
            Assignment a = assigner.assign(RECS, "C" + i);
            assertThat(a.probability()).isEqualTo(a.arm().equals("model") ? 0.5 : 0.25);
        }
    }
}
