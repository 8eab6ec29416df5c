package dev.nbo.models.aggregate;

import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Source;
import dev.nbo.models.feature.Window;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Computes every feature of a {@link FeatureSpec} incrementally, row by row, in pure Java: the online half of "one
 * definition of every feature". Fed the same rows, it returns the values the Spark pipeline writes into its
 * snapshots (the parity test in the features module proves it).
 *
 * <p>Queries answer "as of {@code asOfMicros}" and assume every accepted row happened before that time, which holds
 * online where the as-of time is now. Not thread-safe: serving keeps one state per customer under its own lock.
 */
public final class IncrementalAggregator {
    private final FeatureSpec spec;
    private final OfferCatalog offers;
    private final Map<Source, List<FeatureDefinition>> behaviouralBySource = new EnumMap<>(Source.class);
    private final Map<EntityKey, Map<String, FeatureState>> states = new HashMap<>();
    private final Map<String, CustomerProfile> profiles = new HashMap<>();

    public IncrementalAggregator(FeatureSpec spec, OfferCatalog offers) {
        this.spec = spec;
        this.offers = offers;
        for (FeatureDefinition feature : spec.features()) {
            if (feature.isBehavioural()) {
                behaviouralBySource.computeIfAbsent(feature.source(), s -> new ArrayList<>()).add(feature);
            }
        }
    }

    public FeatureSpec spec() {
        return spec;
    }

    /** Adds one event or order line to every feature it matches. */
    public void accept(SourceRow row) {
        Set<OfferId> linked = null;
        for (FeatureDefinition feature : behaviouralBySource.getOrDefault(row.source(), List.of())) {
            if (!feature.filter().matches(row.values())) {
                continue;
            }
            switch (feature.entity()) {
                case CUSTOMER -> state(EntityKey.customer(row.customerId()), feature).add(row);
                case CUSTOMER_CATEGORY -> {
                    String category = row.text("category");
                    if (category != null) {
                        state(EntityKey.customerCategory(row.customerId(), category), feature).add(row);
                    }
                }
                case OFFER, CUSTOMER_OFFER -> {
                    if (linked == null) {
                        linked = offers.linkedOffers(row.text("offer_id"), row.text("product_id"),
                                row.text("category"));
                    }
                    for (OfferId offer : linked) {
                        EntityKey key = feature.entity() == Entity.OFFER ? EntityKey.offer(offer.value())
                                : EntityKey.customerOffer(row.customerId(), offer.value());
                        state(key, feature).add(row);
                    }
                }
            }
        }
    }

    /** Sets (or replaces) a customer's profile attributes. */
    public void upsertProfile(CustomerProfile profile) {
        profiles.put(profile.customerId(), profile);
    }

    /** Forgets a customer: profile and every state keyed by the customer (GDPR erasure). */
    public void erase(String customerId) {
        profiles.remove(customerId);
        states.keySet().removeIf(key -> customerId.equals(key.customerId()));
    }

    /**
     * Drops every state kept under keys of one entity. Serving keeps a customer's aggregator between store writes and
     * moves the offer-keyed state its rows produced into the offer records at each write, then drops it here.
     */
    public void forget(Entity entity) {
        states.keySet().removeIf(key -> key.entity() == entity);
    }

    /** Every feature of the key's entity, in spec order, as of {@code asOfMicros}. */
    public Map<String, FeatureValue> values(EntityKey key, long asOfMicros) {
        Map<String, FeatureValue> values = new LinkedHashMap<>();
        for (FeatureDefinition feature : spec.features(key.entity())) {
            values.put(feature.name(), value(key, feature, asOfMicros));
        }
        return values;
    }

    /** True when any row or imported bucket has reached the key; without state its values are the defaults. */
    public boolean hasState(EntityKey key) {
        return states.containsKey(key);
    }

    /** One feature of a key as of {@code asOfMicros}. */
    public FeatureValue value(EntityKey key, FeatureDefinition feature, long asOfMicros) {
        if (feature.entity() != key.entity()) {
            throw new IllegalArgumentException("feature " + feature.name() + " belongs to " + feature.entity().wireName()
                    + ", not to a " + key.entity().wireName() + " key");
        }
        return switch (feature.aggregation()) {
            case RATIO -> ratio(key, feature, asOfMicros);
            case ATTRIBUTE -> attribute(key, feature, asOfMicros);
            default -> behavioural(key, feature, asOfMicros);
        };
    }

    /** The keys of one entity that hold any behavioural state. */
    public List<EntityKey> keys(Entity entity) {
        return states.keySet().stream().filter(k -> k.entity() == entity).toList();
    }

    /** Every bucket of state, for writing a snapshot. */
    public Stream<StateRow> exportState() {
        return states.entrySet().stream().flatMap(entry -> entry.getValue().entrySet().stream()
                .flatMap(feature -> feature.getValue().buckets().entrySet().stream()
                        .map(bucket -> StateRow.of(entry.getKey(), feature.getKey(), bucket.getKey(),
                                bucket.getValue()))));
    }

    /**
     * Every bucket of state, as {@link #exportState()} streams them, handed to {@code consumer} from plain loops:
     * serving's event applier writes thousands of customer records a second, and the nested streams cost more than
     * the rows themselves.
     */
    public void forEachState(Consumer<StateRow> consumer) {
        for (Map.Entry<EntityKey, Map<String, FeatureState>> entry : states.entrySet()) {
            for (Map.Entry<String, FeatureState> feature : entry.getValue().entrySet()) {
                for (Map.Entry<Integer, Partial> bucket : feature.getValue().buckets().entrySet()) {
                    consumer.accept(StateRow.of(entry.getKey(), feature.getKey(), bucket.getKey(), bucket.getValue()));
                }
            }
        }
    }

    /** Loads one bucket written by {@link #exportState()} or by the Spark online snapshot. */
    public void importState(StateRow row) {
        FeatureDefinition feature = spec.require(row.feature());
        if (!feature.isBehavioural()) {
            throw new IllegalArgumentException("state for " + row.feature() + ": only events and order_items features"
                    + " keep state");
        }
        if ((row.day() == null) != feature.window().isLifetime()) {
            throw new IllegalArgumentException("state for " + row.feature() + ": a " + feature.window()
                    + " feature " + (row.day() == null ? "needs a day" : "keeps no daily buckets"));
        }
        FeatureState state = state(row.key(), feature);
        state.bucket(row.day() == null ? 0 : row.day()).merge(row.toPartial());
    }

    private FeatureState state(EntityKey key, FeatureDefinition feature) {
        return states.computeIfAbsent(key, k -> new HashMap<>())
                .computeIfAbsent(feature.name(), n -> new FeatureState(feature));
    }

    private FeatureValue behavioural(EntityKey key, FeatureDefinition feature, long asOfMicros) {
        FeatureState state = states.getOrDefault(key, Collections.emptyMap()).get(feature.name());
        Partial p = state == null ? new Partial() : state.summarize(asOfMicros);
        return switch (feature.aggregation()) {
            case COUNT -> FeatureValue.present(p.rows);
            case SUM -> FeatureValue.present(p.sum);
            case COUNT_DISTINCT -> FeatureValue.present((long) (p.distinct == null ? 0 : p.distinct.size()));
            case AVG -> p.values == 0 ? FeatureValue.empty(feature.defaultValue())
                    : FeatureValue.present(p.sum / p.values);
            case MIN -> p.values == 0 ? FeatureValue.empty(feature.defaultValue()) : FeatureValue.present(p.min);
            case MAX -> p.values == 0 ? FeatureValue.empty(feature.defaultValue()) : FeatureValue.present(p.max);
            case LAST -> p.lastKey == null ? FeatureValue.empty(feature.defaultValue())
                    : FeatureValue.present(p.lastValue);
            case DAYS_SINCE -> p.rows == 0 ? FeatureValue.empty(feature.defaultValue())
                    : FeatureValue.present(daysBetween(p.maxTime, asOfMicros));
            case RATIO, ATTRIBUTE -> throw new IllegalStateException(feature.aggregation() + " is not behavioural");
        };
    }

    private FeatureValue ratio(EntityKey key, FeatureDefinition feature, long asOfMicros) {
        FeatureValue numerator = value(key, spec.require(feature.numerator()), asOfMicros);
        FeatureValue denominator = value(key, spec.require(feature.denominator()), asOfMicros);
        if (numerator.value() == null || denominator.value() == null || denominator.asDouble() == 0.0) {
            return FeatureValue.empty(feature.defaultValue());
        }
        return FeatureValue.present(numerator.asDouble() / denominator.asDouble());
    }

    private FeatureValue attribute(EntityKey key, FeatureDefinition feature, long asOfMicros) {
        Object value = feature.source() == Source.CUSTOMERS
                ? customerAttribute(profiles.get(key.customerId()), feature.column(), asOfMicros)
                : offerAttribute(offers.offer(OfferId.of(key.offerId())).orElse(null), feature.column());
        return value == null ? FeatureValue.empty(feature.defaultValue()) : FeatureValue.present(value);
    }

    /** Customer attributes as of a time; the Spark compiler derives age and tenure with the same formulas. */
    static Object customerAttribute(CustomerProfile profile, String column, long asOfMicros) {
        if (profile == null) {
            return null;
        }
        return switch (column) {
            case "age" -> profile.birthYear() == null ? null : (long) (yearOf(asOfMicros) - profile.birthYear());
            case "tenure_days" -> profile.signupMicros() == null ? null
                    : daysBetween(profile.signupMicros(), asOfMicros);
            case "birth_year" -> profile.birthYear() == null ? null : (long) profile.birthYear();
            case "city" -> profile.city();
            case "region" -> profile.region();
            case "country" -> profile.country();
            case "interests" -> profile.interests();
            case "marketing_consent" -> profile.marketingConsent();
            default -> throw new IllegalArgumentException("customers has no column " + column);
        };
    }

    static Object offerAttribute(Offer offer, String column) {
        if (offer == null) {
            return null;
        }
        return switch (column) {
            case "value" -> offer.value();
            case "discount" -> offer.discount();
            case "target_type" -> offer.target().kind().wireName();
            default -> throw new IllegalArgumentException("offers has no column " + column);
        };
    }

    /** Fractional days from {@code fromMicros} to {@code toMicros}: the long difference divided by a day's micros. */
    public static double daysBetween(long fromMicros, long toMicros) {
        return (double) (toMicros - fromMicros) / Window.DAY_MICROS;
    }

    /** The UTC year of an instant. */
    public static int yearOf(long micros) {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, Window.DAY_MICROS)).getYear();
    }
}
