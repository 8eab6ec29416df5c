package dev.nbo.serving.decision;

import dev.nbo.models.aggregate.FeatureValue;
import dev.nbo.models.encode.ScoringRow;
import dev.nbo.models.feature.Aggregation;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Window;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.offer.OfferTarget;
import dev.nbo.models.rules.RuleMatch;
import dev.nbo.serving.model.ModelHolder;
import dev.nbo.serving.model.Segment;
import dev.nbo.serving.model.ServingModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The decision pipeline of one request; see the package documentation. Thread-safe. */
public final class DecisionEngine {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final OfferCatalog catalog;
    private final Function<String, Optional<String>> productCategory;
    private final ModelHolder models;
    private final FeatureSource features;
    private final ExposureCounter exposures;
    private final Optional<String> boughtFeature;
    private final Optional<String> popularityFeature;
    private final CandidateFeatures.Routing routing;
    /** The customer-entity features: one value for all of a request's candidates, so the model encodes them once. */
    private final Set<String> customerFeatureNames;
    private final ScoringTimer scoringTimer;

    public DecisionEngine(FeatureSpec spec, OfferCatalog catalog, Function<String, Optional<String>> productCategory,
                          ModelHolder models, FeatureSource features, ExposureCounter exposures) {
        this(spec, catalog, productCategory, models, features, exposures, ScoringTimer.NONE);
    }

    public DecisionEngine(FeatureSpec spec, OfferCatalog catalog, Function<String, Optional<String>> productCategory,
                          ModelHolder models, FeatureSource features, ExposureCounter exposures,
                          ScoringTimer scoringTimer) {
        this.scoringTimer = scoringTimer;
        this.catalog = catalog;
        this.productCategory = productCategory;
        this.models = models;
        this.features = features;
        this.exposures = exposures;
        this.boughtFeature = purchaseFeature(spec, Entity.CUSTOMER_OFFER, Set.of(Aggregation.DAYS_SINCE));
        this.popularityFeature = purchaseFeature(spec, Entity.OFFER,
                Set.of(Aggregation.COUNT_DISTINCT, Aggregation.COUNT));
        this.routing = new CandidateFeatures.Routing(spec);
        this.customerFeatureNames = spec.features(Entity.CUSTOMER).stream().map(FeatureDefinition::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * One offer as a strategy scored it, before the top is chosen. Reasons are written only for the offers shown:
     * formatting them for every candidate of a wide block cost a fifth of a decision.
     */
    private record Scored(Offer offer, double score, double propensity, String category,
                          Supplier<List<String>> reasons) {
    }

    /** A feature of the entity aggregating purchases (order_type purchase), the longest window first. */
    private static Optional<String> purchaseFeature(FeatureSpec spec, Entity entity, Set<Aggregation> aggregations) {
        return spec.features(entity).stream()
                .filter(f -> aggregations.contains(f.aggregation()))
                .filter(f -> f.filter().allowed().getOrDefault("order_type", Set.of()).equals(Set.of("purchase")))
                .max(Comparator.comparingInt((FeatureDefinition f) -> f.window().isLifetime() ? Integer.MAX_VALUE
                        : f.window().days()))
                .map(FeatureDefinition::name);
    }

    /** Decides and counts the offers shown towards their frequency caps. */
    public Decision decide(DecisionRequest request) {
        return decide(request, reads(request.customerId(), request.nowMicros()));
    }

    /** {@link #decide(DecisionRequest)} with the customer's features read once for several decisions. */
    public Decision decide(DecisionRequest request, CustomerReads reads) {
        reads.checkFor(request);
        return decide(request, true, reads);
    }

    /**
     * Decides what the request's block policy would show, without showing it: no exposure is counted. Experiments
     * use it, with the served decision's reads, to log what every other arm would have chosen (off-policy
     * evaluation).
     */
    public Decision decideShadow(DecisionRequest request) {
        return decideShadow(request, reads(request.customerId(), request.nowMicros()));
    }

    /** {@link #decideShadow(DecisionRequest)} with the reads of the request's other decisions. */
    public Decision decideShadow(DecisionRequest request, CustomerReads reads) {
        reads.checkFor(request);
        return decide(request, false, reads);
    }

    /** A customer's reads for the decisions of one request at {@code nowMicros}. */
    public CustomerReads reads(String customerId, long nowMicros) {
        return new CustomerReads(features, customerId, nowMicros);
    }

    private Decision decide(DecisionRequest request, boolean shown, CustomerReads reads) {
        BlockPolicy block = request.block();
        long now = request.nowMicros();
        LocalDate today = LocalDate.ofEpochDay(Window.dayOf(now));
        List<Offer> valid = candidates(block, today);
        Optional<ServingModel> model = models.currentIfLoaded();
        String modelVersion = model.map(ServingModel::version).orElse(null);

        Optional<CustomerView> found = reads.customer();
        if (found.isEmpty()) {
            return fallback(request, valid, "unknown_customer", modelVersion);
        }
        CustomerView view = found.get();
        if (Boolean.FALSE.equals(view.profile().marketingConsent())) {
            return fallback(request, valid, "opted_out", modelVersion);
        }
        List<Offer> eligible = new ArrayList<>(valid.size());
        ExposureCounter.Shown sent = exposures.shown(request.customerId());
        for (Offer offer : valid) {
            if (eligible(offer, view, block, sent, now)) {
                eligible.add(offer);
            }
        }
        if (eligible.isEmpty()) {
            return fallback(request, valid, "no_eligible_offer", modelVersion);
        }
        Segment segment = model.map(m -> reads.segment(m, view, this::segment)).orElse(null);
        List<Scored> scored = switch (block.strategy()) {
            case MODEL -> byModel(model.orElseThrow(() -> new IllegalStateException("no model loaded")), view,
                    constrained(view, segment, eligible, block), block, now);
            case RULES -> byRules(view, segment, eligible, block, now);
            case POPULAR -> byPopularity(eligible, now, "popular: bought by many customers recently");
            case FIXED -> inListedOrder(eligible);
        };
        Map<String, Double> candidates = new LinkedHashMap<>();
        scored.forEach(o -> candidates.put(o.offer().id().value(), o.score()));
        List<RankedOffer> top = diverseTop(scored, Math.min(request.limit(), block.limit()), block.maxPerCategory());
        if (shown) {
            top.forEach(o -> exposures.record(request.customerId(), o.offer().id().value(), now));
        }
        Map<String, FeatureValue> explained = request.explain() ? new LinkedHashMap<>(view.customerFeatures())
                : Map.of();
        return new Decision(request.requestId(), request.customerId(), block.id(), block.strategy(), modelVersion,
                segment, null, top, candidates, explained, view.stale());
    }

    /** The block's candidate offers that are valid on the day (all offers of the catalog when it lists none). */
    private List<Offer> candidates(BlockPolicy block, LocalDate today) {
        List<Offer> offers = new ArrayList<>();
        if (block.candidates().isEmpty()) {
            for (Offer offer : catalog.offers()) {
                if (offer.isValidOn(today)) {
                    offers.add(offer);
                }
            }
            return offers;
        }
        for (OfferId id : block.candidates()) {
            Optional<Offer> offer = catalog.offer(id);
            if (offer.isPresent() && offer.get().isValidOn(today)) {
                offers.add(offer.get());
            }
        }
        return offers;
    }

    private boolean eligible(Offer offer, CustomerView view, BlockPolicy block, ExposureCounter.Shown sent,
                             long now) {
        if (!offer.isAvailableIn(view.profile().region())) {
            return false;
        }
        if (block.excludeBoughtWithinDays() != null && boughtFeature.isPresent()) {
            FeatureValue days = view.offerFeatures(offer.id()).get(boughtFeature.get());
            if (days != null && days.value() instanceof Number n && n.doubleValue() < block.excludeBoughtWithinDays()) {
                return false;
            }
        }
        BlockPolicy.FrequencyCap cap = block.frequencyCap();
        return cap == null || sent.count(offer.id().value(), cap.days(), now) < cap.max();
    }

    private String category(Offer offer) {
        OfferTarget target = offer.target();
        return target.kind() == OfferTarget.Kind.CATEGORY ? target.value()
                : productCategory.apply(target.value()).orElse(null);
    }

    private Segment segment(ServingModel model, CustomerView view) {
        float[] input = segmentInput(model, view);
        long started = System.nanoTime();
        long cpu = threadCpuNanos();
        Segment segment = model.segment(input);
        scoringTimer.observe("segments", 1, System.nanoTime() - started, threadCpuNanos() - cpu);
        return segment;
    }

    /** The CPU time of the current thread (ONNX Runtime scores on the calling thread). */
    private static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private float[] segmentInput(ServingModel model, CustomerView view) {
        List<String> names = model.segmentFeatures();
        float[] values = new float[names.size()];
        Map<String, FeatureValue> customer = view.customerFeatures();
        for (int i = 0; i < values.length; i++) {
            FeatureValue value = customer.get(names.get(i));
            values[i] = value == null ? Float.NaN : (float) value.asDouble();
        }
        return values;
    }

    private List<Scored> byModel(ServingModel model, CustomerView view, List<Offer> offers, BlockPolicy block,
                                 long now) {
        List<ScoringRow> rows = new ArrayList<>(offers.size());
        Map<String, FeatureValue> customer = view.customerFeatures();
        for (Offer offer : offers) {
            String category = category(offer);
            rows.add(new ScoringRow(offer.id().value(), category, new CandidateFeatures(routing, customer,
                    category == null ? null : view.categoryFeatures(category),
                    features.offerFeatures(offer.id(), now), view.offerFeatures(offer.id()))));
        }
        float[] encoded = model.encode(rows, customerFeatureNames);
        long started = System.nanoTime();
        long cpu = threadCpuNanos();
        float[] propensities = model.propensities(encoded);
        scoringTimer.observe("propensity", rows.size(), System.nanoTime() - started,
                threadCpuNanos() - cpu);
        List<Scored> ranked = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            double p = propensities[i];
            double priority = p * offer.value() * block.weight();
            ranked.add(new Scored(offer, priority, p, rows.get(i).offerCategory(), () -> List.of(
                    "model " + model.version() + ": propensity " + fixed(100 * p, 2) + "%",
                    "priority = propensity x value " + fixed(offer.value(), 2) + " x block weight "
                            + fixed(block.weight(), 2))));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        return ranked;
    }

    /**
     * Under the model strategy a block's rules are business constraints: when a rule (not the default) matches, the
     * model ranks only that rule's eligible offers; when none does, or none of its offers is eligible, the model
     * ranks every eligible offer.
     */
    private List<Offer> constrained(CustomerView view, Segment segment, List<Offer> eligible, BlockPolicy block) {
        if (block.rules().isEmpty()) {
            return eligible;
        }
        RuleMatch match = matchRules(view, segment, block);
        if (match.isDefault()) {
            return eligible;
        }
        List<Offer> allowed = eligible.stream().filter(o -> match.offers().contains(o.id())).toList();
        return allowed.isEmpty() ? eligible : allowed;
    }

    private RuleMatch matchRules(CustomerView view, Segment segment, BlockPolicy block) {
        Map<String, Object> attributes = raw(view.customerFeatures());
        if (segment != null) {
            attributes.put("segment", segment.name());
            attributes.put("segment_id", (long) segment.id());
        }
        return block.rules().orElseThrow().evaluate(attributes);
    }

    private List<Scored> byRules(CustomerView view, Segment segment, List<Offer> offers, BlockPolicy block,
                                 long now) {
        RuleMatch match = matchRules(view, segment, block);
        List<Scored> ranked = new ArrayList<>();
        List<OfferId> chosen = match.offers();
        List<String> ruleReason = List.of((match.isDefault() ? "default rule" : "rule " + match.name()) + " of "
                + block.rules().get().origin());
        for (int i = 0; i < chosen.size(); i++) {
            OfferId id = chosen.get(i);
            int position = i;
            offers.stream().filter(o -> o.id().equals(id)).findFirst().ifPresent(o -> ranked.add(new Scored(o,
                    chosen.size() - position, Double.NaN, category(o), () -> ruleReason)));
        }
        List<Offer> rest = offers.stream().filter(o -> !chosen.contains(o.id())).toList();
        // rule offers first; the block is filled with the most popular of the other eligible offers
        ranked.addAll(byPopularity(rest, now, "filled by popularity after the rule's offers").stream()
                .map(o -> new Scored(o.offer(), -1.0 / (1 + o.score()), o.propensity(), o.category(), o.reasons()))
                .toList());
        return ranked;
    }

    private List<Scored> byPopularity(List<Offer> offers, long now, String reason) {
        List<Scored> ranked = new ArrayList<>(offers.size());
        for (Offer offer : offers) {
            double buyers = popularityFeature.map(f -> features.offerFeatures(offer.id(), now).get(f))
                    .map(FeatureValue::asDouble).filter(d -> !Double.isNaN(d)).orElse(0.0);
            ranked.add(new Scored(offer, buyers, Double.NaN, category(offer), () -> List.of(reason
                    + popularityFeature.map(f -> " (" + f + " = " + fixed(buyers, 0) + ")").orElse(""))));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(o -> o.offer().id().value()));
        return ranked;
    }

    /** A fixed arm's offers as listed (the candidates keep the block's order), scored by position. */
    private List<Scored> inListedOrder(List<Offer> offers) {
        List<Scored> ranked = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            int position = i + 1;
            ranked.add(new Scored(offer, offers.size() - i, Double.NaN, category(offer),
                    () -> List.of("fixed list: position " + position)));
        }
        return ranked;
    }

    /**
     * The top {@code limit} in order, with at most {@code maxPerCategory} offers of one category, each with its
     * reasons.
     */
    private static List<RankedOffer> diverseTop(List<Scored> ranked, int limit, int maxPerCategory) {
        Map<String, Integer> perCategory = new HashMap<>();
        List<RankedOffer> top = new ArrayList<>();
        for (Scored offer : ranked) {
            if (top.size() == limit) {
                break;
            }
            String category = offer.category() == null ? "" : offer.category();
            if (perCategory.merge(category, 1, Integer::sum) > maxPerCategory) {
                continue;
            }
            top.add(new RankedOffer(offer.offer(), top.size() + 1, offer.score(), offer.propensity(),
                    offer.category(), offer.reasons().get()));
        }
        return top;
    }

    private Decision fallback(DecisionRequest request, List<Offer> valid, String reason, String modelVersion) {
        BlockPolicy block = request.block();
        List<Scored> ranked = byPopularity(valid.stream().filter(o -> o.regions().isEmpty()).toList(),
                request.nowMicros(), "fallback (" + reason + "): popular with everyone");
        List<RankedOffer> top = diverseTop(ranked, Math.min(request.limit(), block.limit()), block.maxPerCategory());
        Map<String, Double> candidates = new LinkedHashMap<>();
        ranked.forEach(o -> candidates.put(o.offer().id().value(), o.score()));
        return new Decision(request.requestId(), request.customerId(), block.id(), block.strategy(), modelVersion,
                null, reason, top, candidates, Map.of(), false);
    }

    /**
     * The number with {@code decimals} digits after the point, rounded half up from its shortest decimal form (1.005
     * gives 1.01, as a reader of the configuration expects; {@code String.format} rounds the binary value, 1.00),
     * in the root locale, for a fraction of {@code String.format}'s cost.
     */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static Map<String, Object> raw(Map<String, FeatureValue> values) {
        Map<String, Object> raw = new HashMap<>(values.size() * 2);
        values.forEach((k, v) -> raw.put(k, v == null ? null : v.value()));
        return raw;
    }
}
