package dev.nbo.serving.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.aggregate.CustomerProfile;
import dev.nbo.models.aggregate.SourceRow;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.registry.LocalModelRegistry;
import dev.nbo.models.rules.RuleSet;
import dev.nbo.serving.model.ModelHolder;
import dev.nbo.serving.model.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision with the real registered test model in ONNX Runtime and a real incremental aggregator. */
class DecisionEngineTest {
    static final FeatureSpec SPEC = FeatureSpec.load(ProjectFiles.config("features.yaml"));
    static final OfferCatalog OFFERS = OfferCatalog.load(ProjectFiles.config("offers.yaml"));
    static final long NOW = micros("2025-06-15T12:00:00Z");
    static final Map<String, String> PRODUCTS = Map.of("RUN-0001", "running", "GLF-0001", "golf", "YOG-0001", "yoga");

    @TempDir
    static Path dir;
    static ModelHolder models;
    static AggregatorFeatures features;

    static long micros(String instant) {
        return Instant.parse(instant).toEpochMilli() * 1000;
    }

    @BeforeAll
    static void load() throws IOException {
        load(dir);
    }

    /** The test model and three customers' features, for this class and the experiment tests beside it. */
    static void load(Path dir) throws IOException {
        models = new ModelHolder(new LocalModelRegistry(TestRegistry.copyTo(dir.resolve("registry"))), "propensity",
                SPEC.hash(), s -> { });
        models.loadChampion();
        features = new AggregatorFeatures(SPEC, OFFERS);
        features.profile(new CustomerProfile("C-RUNNER", micros("2023-01-01T00:00:00Z"), 1990, "New York",
                "Northeast", "US", List.of("running"), true));
        features.profile(new CustomerProfile("C-OPTOUT", micros("2023-01-01T00:00:00Z"), 1980, "Miami", "South",
                "US", List.of("golf"), false));
        for (int day = 1; day <= 10; day++) {
            long t = NOW - day * 86_400_000_000L;
            features.accept(SourceRow.event("e" + day, "C-RUNNER", t, "page_view", "RUN-0001", "running", "s" + day,
                    null));
            features.accept(SourceRow.event("c" + day, "C-RUNNER", t + 1, "add_to_cart", "RUN-0001", "running",
                    "s" + day, null));
        }
        features.accept(SourceRow.orderLine("o1", 1, "C-RUNNER", NOW - 3 * 86_400_000_000L, "purchase", "YOG-0001",
                "yoga", 1, 30.0));
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static DecisionEngine engine(ExposureCounter exposures) {
        return engine(exposures, features);
    }

    static DecisionEngine engine(ExposureCounter exposures, FeatureSource source) {
        return new DecisionEngine(SPEC, OFFERS, p -> Optional.ofNullable(PRODUCTS.get(p)), models, source,
                exposures);
    }

    static BlockPolicy block(Strategy strategy, int maxPerCategory, Integer excludeBoughtDays,
                             BlockPolicy.FrequencyCap cap) {
        Optional<RuleSet> rules = strategy == Strategy.RULES
                ? Optional.of(RuleSet.load(ProjectFiles.config("rules.yaml"), SPEC, OFFERS)) : Optional.empty();
        return new BlockPolicy("recs", strategy, List.of(), 5, maxPerCategory, 1.0, excludeBoughtDays, cap, rules);
    }

    static Decision decide(DecisionEngine engine, String customer, BlockPolicy block) {
        return engine.decide(new DecisionRequest("r1", customer, block, 5, true, NOW));
    }

    @Test
    void reasonsWriteNumbersRoundedHalfUpFromTheirDecimalForm() {
        assertThat(DecisionEngine.fixed(12.3456, 2)).isEqualTo("12.35");
        assertThat(DecisionEngine.fixed(0.125, 2)).isEqualTo("0.13");
        assertThat(DecisionEngine.fixed(1.005, 2)).isEqualTo("1.01");
        assertThat(DecisionEngine.fixed(2.5, 0)).isEqualTo("3");
        assertThat(DecisionEngine.fixed(1234567.0, 0)).isEqualTo("1234567");
        assertThat(DecisionEngine.fixed(1e-7, 2)).isEqualTo("0.00");
        assertThat(DecisionEngine.fixed(-0.004, 2)).isEqualTo("0.00");
        assertThat(DecisionEngine.fixed(-1.5, 2)).isEqualTo("-1.50");
        assertThat(DecisionEngine.fixed(Double.NaN, 2)).isEqualTo("NaN");
    }

    @Test
    void aKnownCustomerGetsOffersRankedByPropensityTimesValue() {
        Decision decision = decide(engine(new ExposureCounter(30)), "C-RUNNER", block(Strategy.MODEL, 5, null, null));
        assertThat(decision.fallback()).isNull();
        assertThat(decision.modelVersion()).isEqualTo(models.current().version());
        assertThat(decision.segment()).isNotNull();
        assertThat(decision.offers()).hasSize(5);
        assertThat(decision.offers()).extracting(RankedOffer::rank).containsExactly(1, 2, 3, 4, 5);
        for (int i = 1; i < decision.offers().size(); i++) {
            assertThat(decision.offers().get(i).score()).isLessThanOrEqualTo(decision.offers().get(i - 1).score());
        }
        decision.offers().forEach(o -> {
            assertThat(o.propensity()).isBetween(0.0, 1.0);
            assertThat(o.score()).isCloseTo(o.propensity() * o.offer().value(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(o.reasons().get(0)).contains("propensity");
            assertThat(o.offer().isAvailableIn("Northeast")).isTrue();
        });
        assertThat(decision.features()).containsKey("page_views_7d");
        assertThat(decision.features().get("page_views_7d").asDouble()).isEqualTo(6.0);
    }

    @Test
    void unknownAndOptedOutCustomersGetTheNonPersonalFallback() {
        DecisionEngine engine = engine(new ExposureCounter(30));
        Decision unknown = decide(engine, "C-NOBODY", block(Strategy.MODEL, 5, null, null));
        assertThat(unknown.fallback()).isEqualTo("unknown_customer");
        assertThat(unknown.offers()).isNotEmpty().allSatisfy(o -> assertThat(o.offer().regions()).isEmpty());
        Decision optedOut = decide(engine, "C-OPTOUT", block(Strategy.MODEL, 5, null, null));
        assertThat(optedOut.fallback()).isEqualTo("opted_out");
        assertThat(optedOut.segment()).isNull();
        assertThat(optedOut.features()).isEmpty();
    }

    @Test
    void diversityKeepsOneOfferPerCategory() {
        Decision decision = decide(engine(new ExposureCounter(30)), "C-RUNNER", block(Strategy.MODEL, 1, null, null));
        Set<String> categories = new HashSet<>();
        decision.offers().forEach(o -> assertThat(categories.add(o.category())).isTrue());
    }

    @Test
    void anOfferWhoseTargetWasJustBoughtIsLeftOut() {
        Decision decision = decide(engine(new ExposureCounter(30)), "C-RUNNER", block(Strategy.MODEL, 5, 7, null));
        assertThat(decision.offers()).extracting(o -> o.offer().id().value()).doesNotContain("yoga-25");
        assertThat(decision.candidates()).doesNotContainKey("yoga-25");
    }

    @Test
    void theFrequencyCapCountsEarlierDecisions() {
        DecisionEngine engine = engine(new ExposureCounter(30));
        BlockPolicy capped = block(Strategy.MODEL, 5, null, new BlockPolicy.FrequencyCap(1, 7));
        List<OfferId> first = decide(engine, "C-RUNNER", capped).offers().stream().map(o -> o.offer().id()).toList();
        List<OfferId> second = decide(engine, "C-RUNNER", capped).offers().stream().map(o -> o.offer().id()).toList();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    }

    @Test
    void theRulesStrategyPutsTheMatchingRulesOffersFirst() {
        Decision decision = decide(engine(new ExposureCounter(30)), "C-RUNNER", block(Strategy.RULES, 5, null, null));
        // a Northeast runner: rule northeast-runners lists nyc-running-club, run-shoe-hero, running-20
        assertThat(decision.offers().get(0).offer().id().value()).isEqualTo("nyc-running-club");
        assertThat(decision.offers().get(0).reasons().get(0)).contains("northeast-runners");
    }

    @Test
    void underTheModelStrategyAMatchingRuleLimitsTheCandidatesTheModelRanks() {
        RuleSet rules = RuleSet.load(ProjectFiles.config("rules.yaml"), SPEC, OFFERS);
        BlockPolicy constrained = new BlockPolicy("recs", Strategy.MODEL, List.of(), 5, 5, 1.0, null, null,
                Optional.of(rules));
        Decision decision = decide(engine(new ExposureCounter(30)), "C-RUNNER", constrained);
        // a Northeast runner matches northeast-runners: nyc-running-club, run-shoe-hero, running-20 only
        assertThat(decision.offers()).extracting(o -> o.offer().id().value())
                .isNotEmpty().isSubsetOf("nyc-running-club", "run-shoe-hero", "running-20");
        assertThat(decision.offers().get(0).reasons().get(0)).contains("propensity");
    }

    @Test
    void thePopularStrategyIsTheSameForEveryone() {
        DecisionEngine engine = engine(new ExposureCounter(30));
        Decision decision = decide(engine, "C-RUNNER", block(Strategy.POPULAR, 5, null, null));
        assertThat(decision.offers()).isNotEmpty();
        assertThat(decision.offers().get(0).reasons().get(0)).startsWith("popular");
    }

    @Test
    void aFixedArmServesItsListInOrderAndAShadowDecisionCountsNoExposure() {
        ExposureCounter exposures = new ExposureCounter(30);
        DecisionEngine engine = engine(exposures);
        BlockPolicy fixed = block(Strategy.MODEL, 5, null, new BlockPolicy.FrequencyCap(1, 7))
                .forArm(Strategy.FIXED, List.of(OfferId.of("fitness-20"), OfferId.of("running-20")), Optional.empty());

        Decision shadow = engine.decideShadow(new DecisionRequest("r1", "C-RUNNER", fixed, 5, false, NOW));
        assertThat(shadow.offers()).extracting(o -> o.offer().id().value()).containsExactly("fitness-20",
                "running-20");
        assertThat(shadow.offers().get(0).reasons().get(0)).isEqualTo("fixed list: position 1");
        assertThat(exposures.count("C-RUNNER", "fitness-20", 7, NOW)).isZero();

        Decision shown = engine.decide(new DecisionRequest("r2", "C-RUNNER", fixed, 5, false, NOW));
        assertThat(shown.offers()).hasSize(2);
        assertThat(exposures.count("C-RUNNER", "fitness-20", 7, NOW)).isEqualTo(1);
        // the cap of 1 per 7 days now leaves the fixed arm nothing eligible
        assertThat(engine.decide(new DecisionRequest("r3", "C-RUNNER", fixed, 5, false, NOW)).fallback())
                .isEqualTo("no_eligible_offer");
    }
}
