package dev.nbo.features.pairs;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.nbo.features.compile.AsOfDates;
import dev.nbo.features.compile.SourceViews;
import dev.nbo.features.compile.SparkFeatureCompiler;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Training pairs: customer x candidate offer x as-of date, with the customer's, the offer's, the customer x offer
 * and the customer x (offer's category) features at the as-of time, and the label: did the customer buy the
 * offer's target in {@code [t, t + horizon)}?
 *
 * <p>Candidates at {@code t} are the customers who exist at {@code t} and the offers valid on that day and available
 * in the customer's region, which is what serving would consider. Labels read only purchases at or after {@code t};
 * features only rows before it.
 */
public final class TrainingPairBuilder {
    private static final long HASH_BUCKETS = 1L << 30;

    private final FeatureSpec spec;
    private final SourceViews views;

    public TrainingPairBuilder(FeatureSpec spec, SourceViews views) {
        this.spec = spec;
        this.views = views;
    }

    /**
     * @param snapshots the snapshot of every entity at (at least) {@code asOfDates}
     */
    public Dataset<Row> build(List<LocalDate> asOfDates, Window horizon, NegativeSampling sampling,
                              Map<Entity, Dataset<Row>> snapshots) {
        Dataset<Row> asOfs = AsOfDates.table(views.spark(), asOfDates);
        Dataset<Row> customers = snapshots.get(Entity.CUSTOMER).select(col("as_of"), col("customer_id"))
                .join(views.customers().select(col("customer_id"), col("region")), "customer_id");
        Dataset<Row> offers = views.offerTable();
        Dataset<Row> eligible = offers.crossJoin(broadcast(asOfs))
                .filter(col("valid_from").isNull().or(col("valid_from").leq(col("as_of").cast("date"))))
                .filter(col("valid_to").isNull().or(col("valid_to").geq(col("as_of").cast("date"))))
                .select(col("as_of"), col("offer_id"), col("offer_category"), col("regions"));
        Dataset<Row> candidates = customers.join(broadcast(eligible), "as_of")
                .filter(size(col("regions")).equalTo(0).or(array_contains(col("regions"), col("region"))))
                .select(col("as_of"), col("customer_id"), col("offer_id"), col("offer_category"));

        Dataset<Row> labelled = candidates.join(labels(asOfs, horizon), seqOf("as_of", "customer_id", "offer_id"),
                "left").withColumn("label", coalesce(col("label"), lit(0)));
        Dataset<Row> sampled = sample(labelled, asOfDates, sampling);

        Dataset<Row> pairs = sampled
                .join(snapshots.get(Entity.CUSTOMER), seqOf("as_of", "customer_id"))
                .join(snapshots.get(Entity.OFFER), seqOf("as_of", "offer_id"), "left")
                .join(snapshots.get(Entity.CUSTOMER_OFFER), seqOf("as_of", "customer_id", "offer_id"), "left")
                .join(snapshots.get(Entity.CUSTOMER_CATEGORY).withColumnRenamed("category", "offer_category"),
                        seqOf("as_of", "customer_id", "offer_category"), "left");

        List<Column> columns = new ArrayList<>(List.of(col("as_of"), col("customer_id"), col("offer_id"),
                col("offer_category"), col("label").cast("int").as("label"), col("sample_weight")));
        for (Entity entity : List.of(Entity.CUSTOMER, Entity.OFFER, Entity.CUSTOMER_CATEGORY, Entity.CUSTOMER_OFFER)) {
            for (FeatureDefinition feature : spec.features(entity)) {
                Object empty = spec.emptyValueOf(feature);
                Column value = col(feature.name());
                if (empty != null) {
                    value = coalesce(value, SparkFeatureCompiler.literal(empty, feature.type()));
                }
                columns.add(value.as(feature.name()));
            }
        }
        return pairs.select(columns.toArray(Column[]::new));
    }

    /** (as_of, customer_id, offer_id, label = 1) for every customer who bought an offer's target in the horizon. */
    private Dataset<Row> labels(Dataset<Row> asOfs, Window horizon) {
        Dataset<Row> purchases = views.linkToOffers(views.orderLines().filter(col("order_type").equalTo("purchase")));
        long horizonMicros = horizon.days() * Window.DAY_MICROS;
        return purchases.join(broadcast(asOfs), col("time_us").geq(col("as_of_us"))
                        .and(col("time_us").lt(col("as_of_us").plus(horizonMicros))))
                .select(col("as_of"), col("customer_id"), col("offer_id")).distinct()
                .withColumn("label", lit(1));
    }

    private static Dataset<Row> sample(Dataset<Row> labelled, List<LocalDate> asOfDates, NegativeSampling sampling) {
        List<String> unsampled = asOfDates.stream().sorted(Comparator.reverseOrder())
                .limit(sampling.unsampledNewest()).map(LocalDate::toString).toList();
        Column keepAll = col("label").equalTo(1).or(col("as_of").isin(unsampled.toArray()));
        if (sampling.rate() >= 1.0) {
            return labelled.withColumn("sample_weight", lit(1.0));
        }
        Column uniform = pmod(xxhash64(lit(sampling.seed()), col("as_of"), col("customer_id"), col("offer_id")),
                lit(HASH_BUCKETS)).cast("double").divide((double) HASH_BUCKETS);
        return labelled.filter(keepAll.or(uniform.lt(sampling.rate())))
                .withColumn("sample_weight", when(keepAll, lit(1.0)).otherwise(lit(1.0 / sampling.rate())));
    }

    private static scala.collection.immutable.Seq<String> seqOf(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }
}
