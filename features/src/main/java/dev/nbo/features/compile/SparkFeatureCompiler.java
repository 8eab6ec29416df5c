package dev.nbo.features.compile;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.nbo.models.feature.Aggregation;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.RowFilter;
import dev.nbo.models.feature.Source;
import dev.nbo.models.feature.ValueType;
import dev.nbo.models.feature.Window;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Compiles a {@link FeatureSpec} into Spark: for every entity, a point-in-time snapshot of every feature at each
 * as-of date. There is no per-feature code: each aggregation kind maps to one Spark expression, guarded by the
 * feature's filter and window, so a feature added to {@code features.yaml} is computed without touching this class.
 *
 * <p>Point in time: at as-of {@code t} a row counts only if it happened and was ingested strictly before {@code t}
 * and its day lies in the feature's window (see {@link Window}). The incremental aggregator in {@code models}
 * follows the same rules; the parity test holds both to the same values.
 */
public final class SparkFeatureCompiler {
    private final FeatureSpec spec;
    private final SourceViews views;

    public SparkFeatureCompiler(FeatureSpec spec, SourceViews views) {
        this.spec = spec;
        this.views = views;
    }

    public FeatureSpec spec() {
        return spec;
    }

    /**
     * The snapshot of one entity at each as-of date: {@code as_of}, the entity's key columns, then every feature
     * of the entity in spec order. Customers appear from their signup on; every offer of the catalog appears;
     * customer x category and customer x offer hold only keys with data (absent keys have empty values, see
     * {@link FeatureSpec#emptyValueOf}).
     */
    public Dataset<Row> snapshot(Entity entity, List<LocalDate> asOfDates) {
        Dataset<Row> asOfs = AsOfDates.table(views.spark(), asOfDates);
        List<String> keys = new ArrayList<>(List.of("as_of", "as_of_us"));
        keys.addAll(entity.keyColumns());

        Dataset<Row> result = base(entity, asOfs);
        for (Source source : List.of(Source.EVENTS, Source.ORDER_ITEMS)) {
            List<FeatureDefinition> features = spec.features(entity, source);
            if (features.isEmpty()) {
                continue;
            }
            Dataset<Row> aggregated = aggregate(entity, source, features, asOfs);
            result = result == null ? aggregated : result.join(aggregated, seq(keys),
                    entity == Entity.CUSTOMER || entity == Entity.OFFER ? "left" : "full_outer");
        }
        if (result == null) {
            result = asOfs.limit(0).select(col("as_of"), col("as_of_us"));
            for (String key : entity.keyColumns()) {
                result = result.withColumn(key, lit(null).cast("string"));
            }
        }
        for (FeatureDefinition feature : spec.features(entity)) {
            if (feature.aggregation() != Aggregation.RATIO && feature.emptyValue() != null) {
                result = result.withColumn(feature.name(),
                        coalesce(col(feature.name()), literal(feature.emptyValue(), feature.type())));
            }
        }
        for (FeatureDefinition feature : spec.features(entity)) {
            result = withRatio(result, feature, new LinkedHashSet<>());
        }
        List<Column> output = new ArrayList<>();
        output.add(col("as_of"));
        entity.keyColumns().forEach(k -> output.add(col(k)));
        spec.features(entity).forEach(f -> output.add(col(f.name()).cast(sparkType(f.type())).as(f.name())));
        return result.select(output.toArray(Column[]::new));
    }

    /** The population with profile attributes: customers who exist at t, or every offer; null for sparse entities. */
    private Dataset<Row> base(Entity entity, Dataset<Row> asOfs) {
        if (entity == Entity.CUSTOMER) {
            Dataset<Row> customers = views.customers().crossJoin(broadcast(asOfs))
                    .filter(col("signup_us").isNull().or(col("signup_us").lt(col("as_of_us"))));
            List<Column> columns = new ArrayList<>(List.of(col("as_of"), col("as_of_us"), col("customer_id")));
            for (FeatureDefinition f : spec.features(Entity.CUSTOMER, Source.CUSTOMERS)) {
                columns.add(customerAttribute(f.column()).as(f.name()));
            }
            return customers.select(columns.toArray(Column[]::new));
        }
        if (entity == Entity.OFFER) {
            Dataset<Row> offers = views.offerTable().crossJoin(broadcast(asOfs));
            List<Column> columns = new ArrayList<>(List.of(col("as_of"), col("as_of_us"), col("offer_id")));
            for (FeatureDefinition f : spec.features(Entity.OFFER, Source.OFFERS)) {
                columns.add(col(f.column()).as(f.name()));
            }
            return offers.select(columns.toArray(Column[]::new));
        }
        return null;
    }

    /** Customer attributes as of {@code as_of_us}; the incremental aggregator derives age and tenure alike. */
    private static Column customerAttribute(String column) {
        return switch (column) {
            case "age" -> expr("year(timestamp_micros(as_of_us))").minus(col("birth_year")).cast("long");
            case "tenure_days" -> col("as_of_us").minus(col("signup_us")).cast("double").divide(Window.DAY_MICROS);
            case "birth_year" -> col("birth_year").cast("long");
            default -> col(column);
        };
    }

    /**
     * Aggregates one source for one entity at every as-of date in a single pass: rows are paired with each as-of
     * date they may count for, grouped by (as-of, key), and each feature is one conditional aggregate.
     */
    Dataset<Row> aggregate(Entity entity, Source source, List<FeatureDefinition> features, Dataset<Row> asOfs) {
        Window longest = FeatureSpec.longestWindow(features);
        Dataset<Row> rows = keyed(entity, views.rows(source)).filter(anyFilter(features));
        Column inTime = col("time_us").lt(col("as_of_us")).and(col("ingest_us").lt(col("as_of_us")));
        if (!longest.isLifetime()) {
            inTime = inTime.and(col("day").geq(col("last_day").minus(longest.days() - 1)));
        }
        Dataset<Row> paired = rows.join(broadcast(asOfs), inTime);

        List<Column> aggregates = new ArrayList<>();
        for (FeatureDefinition feature : features) {
            aggregates.add(aggregateOf(feature).as(feature.name()));
        }
        List<Column> groupBy = new ArrayList<>(List.of(col("as_of"), col("as_of_us")));
        entity.keyColumns().forEach(k -> groupBy.add(col(k)));
        Dataset<Row> grouped = paired.groupBy(groupBy.toArray(Column[]::new))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        for (FeatureDefinition feature : features) {
            grouped = grouped.withColumn(feature.name(), finish(feature));
        }
        return grouped;
    }

    /**
     * The aggregation state serving needs to continue every behavioural feature of {@code entity} from new events:
     * one row per (key, feature, day) with matching rows in the feature's window at {@code asOf}, or per (key,
     * feature) for whole-history features. Columns: the entity's keys and {@code s}, a struct with the fields of
     * {@code dev.nbo.models.aggregate.StateRow} (fields a feature does not need are null).
     */
    public Dataset<Row> state(Entity entity, LocalDate asOf) {
        long asOfMicros = AsOfDates.micros(asOf);
        Dataset<Row> result = null;
        for (Source source : List.of(Source.EVENTS, Source.ORDER_ITEMS)) {
            List<FeatureDefinition> features = spec.features(entity, source);
            if (features.isEmpty()) {
                continue;
            }
            Window longest = FeatureSpec.longestWindow(features);
            Dataset<Row> rows = keyed(entity, views.rows(source)).filter(anyFilter(features))
                    .filter(col("time_us").lt(asOfMicros).and(col("ingest_us").lt(asOfMicros)))
                    .withColumn("as_of_us", lit(asOfMicros))
                    .withColumn("last_day", lit(Window.lastDay(asOfMicros)));
            if (!longest.isLifetime()) {
                rows = rows.filter(col("day").geq(Window.lastDay(asOfMicros) - longest.days() + 1));
            }
            List<FeatureDefinition> windowed = features.stream().filter(f -> !f.window().isLifetime()).toList();
            List<FeatureDefinition> lifetime = features.stream().filter(f -> f.window().isLifetime()).toList();
            for (Dataset<Row> part : java.util.Arrays.asList(stateOf(entity, rows, windowed, true),
                    stateOf(entity, rows, lifetime, false))) {
                if (part != null) {
                    result = result == null ? part : result.unionByName(part);
                }
            }
        }
        return result;
    }

    private static Dataset<Row> stateOf(Entity entity, Dataset<Row> rows, List<FeatureDefinition> features,
                                        boolean byDay) {
        if (features.isEmpty()) {
            return null;
        }
        List<Column> groupBy = new ArrayList<>();
        entity.keyColumns().forEach(k -> groupBy.add(col(k)));
        if (byDay) {
            groupBy.add(col("day"));
        }
        List<Column> aggregates = new ArrayList<>();
        List<Column> states = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            FeatureDefinition f = features.get(i);
            Column when = condition(f);
            Column value = f.column() == null ? null : col(f.column());
            Aggregation kind = f.aggregation();
            String p = "_" + i + "_";
            // each bucket carries only what its feature's aggregation reads back (see Partial), to keep it small
            aggregates.add(count(when(when, lit(1))).as(p + "rows"));
            Column values = nullOf("long");
            Column sum = nullOf("double");
            Column minimum = nullOf("double");
            Column maximum = nullOf("double");
            Column maxTime = nullOf("long");
            Column last = null;
            Column distinct = nullOf("array<string>");
            if (kind == Aggregation.AVG || kind == Aggregation.MIN || kind == Aggregation.MAX) {
                aggregates.add(count(when(when, value)).as(p + "values"));
                values = col(p + "values");
            }
            if (kind == Aggregation.SUM || kind == Aggregation.AVG) {
                aggregates.add(sum(when(when, value.cast("double"))).as(p + "sum"));
                sum = col(p + "sum");
            }
            if (kind == Aggregation.MIN) {
                aggregates.add(min(when(when, value.cast("double"))).as(p + "min"));
                minimum = col(p + "min");
            }
            if (kind == Aggregation.MAX) {
                aggregates.add(max(when(when, value.cast("double"))).as(p + "max"));
                maximum = col(p + "max");
            }
            if (kind == Aggregation.DAYS_SINCE) {
                aggregates.add(max(when(when, col("time_us"))).as(p + "max_time"));
                maxTime = col(p + "max_time");
            }
            if (kind == Aggregation.LAST) {
                aggregates.add(max(when(when.and(value.isNotNull()), struct(col("time_us").as("t"),
                        col("row_key").as("k"), value.cast("string").as("v")))).as(p + "last"));
                last = col(p + "last");
            }
            if (kind == Aggregation.COUNT_DISTINCT) {
                aggregates.add(org.apache.spark.sql.functions.collect_set(when(when, value.cast("string")))
                        .as(p + "distinct"));
                distinct = col(p + "distinct");
            }
            states.add(struct(
                    lit(f.name()).as("feature"),
                    (byDay ? col("day") : lit(null)).cast("int").as("day"),
                    col(p + "rows").as("rows"),
                    values.cast("long").as("values"),
                    sum.cast("double").as("sum"),
                    minimum.cast("double").as("min"),
                    maximum.cast("double").as("max"),
                    maxTime.cast("long").as("max_time"),
                    (last == null ? nullOf("long") : last.getField("t")).cast("long").as("last_time"),
                    (last == null ? nullOf("string") : last.getField("k")).cast("string").as("last_key"),
                    (last == null ? nullOf("string") : last.getField("v")).cast("string").as("last_value"),
                    distinct.cast("array<string>").as("distinct")));
        }
        Dataset<Row> grouped = rows.groupBy(groupBy.toArray(Column[]::new))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
        List<Column> output = new ArrayList<>();
        entity.keyColumns().forEach(k -> output.add(col(k)));
        output.add(org.apache.spark.sql.functions.explode(org.apache.spark.sql.functions.array(
                states.toArray(Column[]::new))).as("s"));
        return grouped.select(output.toArray(Column[]::new)).filter(col("s.rows").gt(0));
    }

    private static Column nullOf(String type) {
        return lit(null).cast(type);
    }

    /** Rows of a source with the entity's key columns; offer entities multiply rows by the offers they concern. */
    Dataset<Row> keyed(Entity entity, Dataset<Row> rows) {
        return switch (entity) {
            case CUSTOMER -> rows;
            case CUSTOMER_CATEGORY -> rows.filter(col("category").isNotNull());
            case OFFER, CUSTOMER_OFFER -> views.linkToOffers(rows);
        };
    }

    /** The condition a row must meet to count for a feature at an as-of date (as_of_us, last_day in scope). */
    static Column condition(FeatureDefinition feature) {
        Column condition = filter(feature.filter());
        if (!feature.window().isLifetime()) {
            condition = condition.and(col("day").geq(col("last_day").minus(feature.window().days() - 1)));
        }
        return condition;
    }

    static Column filter(RowFilter filter) {
        Column condition = lit(true);
        for (Map.Entry<String, Set<String>> allowed : filter.allowed().entrySet()) {
            condition = condition.and(col(allowed.getKey()).isin(allowed.getValue().toArray()));
        }
        return condition;
    }

    private static Column anyFilter(List<FeatureDefinition> features) {
        Column any = lit(false);
        for (FeatureDefinition feature : features) {
            any = any.or(filter(feature.filter()));
        }
        return any;
    }

    private static Column aggregateOf(FeatureDefinition feature) {
        Column when = condition(feature);
        Column value = feature.column() == null ? null : col(feature.column());
        return switch (feature.aggregation()) {
            case COUNT -> count(when(when, lit(1)));
            case SUM -> sum(when(when, value.cast("double")));
            case AVG -> avg(when(when, value.cast("double")));
            case MIN -> min(when(when, value.cast("double")));
            case MAX -> max(when(when, value.cast("double")));
            case COUNT_DISTINCT -> count_distinct(when(when, value));
            // the greatest (time, row key) wins, as in the aggregator's Partial.offerLast
            case LAST -> max(when(when.and(value.isNotNull()), struct(col("time_us").as("t"), col("row_key").as("k"),
                    value.as("v"))));
            case DAYS_SINCE -> max(when(when, col("time_us")));
            case RATIO, ATTRIBUTE -> throw new IllegalArgumentException(feature.name() + " is not aggregated");
        };
    }

    /** Turns an aggregate into the feature's value (the aggregator's IncrementalAggregator.behavioural). */
    private static Column finish(FeatureDefinition feature) {
        Column raw = col(feature.name());
        return switch (feature.aggregation()) {
            case LAST -> raw.getField("v");
            case DAYS_SINCE -> col("as_of_us").minus(raw).cast("double").divide(lit((double) Window.DAY_MICROS));
            default -> raw;
        };
    }

    private Dataset<Row> withRatio(Dataset<Row> frame, FeatureDefinition feature, Set<String> visiting) {
        if (feature.aggregation() != Aggregation.RATIO || List.of(frame.columns()).contains(feature.name())) {
            return frame;
        }
        visiting.add(feature.name());
        for (String part : List.of(feature.numerator(), feature.denominator())) {
            frame = withRatio(frame, spec.require(part), visiting);
        }
        Column numerator = col(feature.numerator()).cast("double");
        Column denominator = col(feature.denominator()).cast("double");
        Column fallback = feature.defaultValue() == null ? lit(null).cast("double")
                : lit(((Number) feature.defaultValue()).doubleValue());
        return frame.withColumn(feature.name(), when(numerator.isNotNull().and(denominator.isNotNull())
                .and(denominator.notEqual(0.0)), numerator.divide(denominator)).otherwise(fallback));
    }

    /** A Spark literal of a feature value (as parsed from YAML) in the feature's type. */
    public static Column literal(Object value, ValueType type) {
        if (value == null) {
            return lit(null).cast(sparkType(type));
        }
        if (type == ValueType.STRING_LIST) {
            List<?> items = (List<?>) value;
            return items.isEmpty() ? array().cast(sparkType(type))
                    : array(items.stream().map(i -> lit(i.toString())).toArray(Column[]::new));
        }
        return lit(value).cast(sparkType(type));
    }

    public static DataType sparkType(ValueType type) {
        return switch (type) {
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING_LIST -> DataTypes.createArrayType(DataTypes.StringType);
        };
    }

    static scala.collection.immutable.Seq<String> seq(List<String> columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
    }
}
