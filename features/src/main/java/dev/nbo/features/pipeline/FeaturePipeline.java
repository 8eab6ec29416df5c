package dev.nbo.features.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.nbo.features.compile.SourceViews;
import dev.nbo.features.compile.SparkFeatureCompiler;
import dev.nbo.features.online.OnlineSnapshotWriter;
import dev.nbo.features.pairs.TrainingPairBuilder;
import dev.nbo.features.spark.Progress;
import dev.nbo.features.validation.DataQualityReport;
import dev.nbo.features.validation.TableReport;
import dev.nbo.features.validation.ValidatedWarehouse;
import dev.nbo.features.validation.WarehouseValidator;
import dev.nbo.features.warehouse.OfferTable;
import dev.nbo.features.warehouse.Warehouse;
import dev.nbo.features.warehouse.WarehouseTable;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.feature.Source;
import dev.nbo.models.feature.Window;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.online.OnlineSnapshotManifest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The feature pipeline, warehouse to features: validation and quarantine, point-in-time snapshots of every entity
 * at each as-of date, training pairs with labels, the online snapshot, and the reports. Output layout (under
 * {@code out}): {@code validated/}, {@code quarantine/}, {@code snapshots/<entity>/as_of=.../},
 * {@code training_pairs/as_of=.../}, {@code online/}, {@code data_quality.json}, {@code run.json}.
 */
public final class FeaturePipeline {
    private static final int STEPS = 14;

    private final SparkSession spark;
    private final PrintStream out;

    public FeaturePipeline(SparkSession spark, PrintStream out) {
        this.spark = spark;
        this.out = out;
    }

    public PipelineResult run(PipelineOptions options) {
        FeatureSpec spec = FeatureSpec.load(options.spec());
        try (Progress progress = new Progress(out, STEPS).watch(spark)) {
            return run(options, spec, progress);
        }
    }

    private PipelineResult run(PipelineOptions options, FeatureSpec spec, Progress progress) {
        long started = System.nanoTime();
        out.printf("Features from %s into %s (%d features, spec %s)%n", options.warehouse(), options.out(),
                spec.features().size(), spec.hash().substring(0, 12));

        ValidatedWarehouse validated = new WarehouseValidator(new Warehouse(spark, options.warehouse()),
                options.out(), progress).validate();
        DataQualityReport quality = validated.report();
        OfferCatalog offers = OfferTable.read(options.warehouse() + "/offers", validated.table(WarehouseTable.OFFERS));
        if (offers.size() == 0) {
            throw new IllegalArgumentException("the warehouse has no valid offer (see " + options.out()
                    + "/quarantine/offers): training pairs need at least one");
        }
        warnAboutEmptySources(spec, quality);
        SourceViews views = new SourceViews(validated, offers);
        SparkFeatureCompiler compiler = new SparkFeatureCompiler(spec, views);

        progress.step("finding the time range of the data");
        DataRange range = DataRange.of(views);
        List<LocalDate> asOfDates = AsOfSelection.choose(options, range);
        progress.detail("data from %s to %s; as-of dates %s; labels over %s", range.firstDay(), range.lastDay(),
                asOfDates, options.horizon());

        LocalDate onlineAsOf = options.onlineAsOf() != null ? options.onlineAsOf() : range.end();
        // the online snapshot's feature values come from the same pass as the training dates' snapshots
        List<LocalDate> snapshotDates = new ArrayList<>(asOfDates);
        if (options.writeOnline() && !snapshotDates.contains(onlineAsOf)) {
            snapshotDates.add(onlineAsOf);
        }
        Map<Entity, Dataset<Row>> snapshots = new EnumMap<>(Entity.class);
        for (Entity entity : Entity.values()) {
            progress.step("snapshots of " + entity.wireName() + " features");
            String path = options.out() + "/snapshots/" + entity.wireName();
            compiler.snapshot(entity, snapshotDates).write().mode(SaveMode.Overwrite).partitionBy("as_of")
                    .parquet(path);
            snapshots.put(entity, spark.read().parquet(path));
        }

        progress.step("training pairs");
        String pairsPath = options.out() + "/training_pairs";
        new TrainingPairBuilder(spec, views).build(asOfDates, options.horizon(), options.sampling(), snapshots)
                .write().mode(SaveMode.Overwrite).partitionBy("as_of").parquet(pairsPath);
        Map<String, long[]> pairCounts = pairCounts(spark.read().parquet(pairsPath));

        OnlineSnapshotManifest online = null;
        String snapshotId = snapshotId(options, spec, quality, range, asOfDates);
        progress.step("online snapshot at " + onlineAsOf);
        if (options.writeOnline()) {
            online = new OnlineSnapshotWriter(compiler, views).write(onlineAsOf, options.out() + "/online", snapshotId,
                    progress);
        } else {
            progress.detail("skipped (--no-online)");
        }

        progress.step("reports");
        OutputFiles.writeJson(spark, options.out() + "/data_quality.json", quality.toJson());
        PipelineResult result = new PipelineResult(options.out(), spec.hash(), snapshotId, range, asOfDates,
                onlineAsOf, pairCounts, online, quality, (System.nanoTime() - started) / 1e9);
        OutputFiles.writeJson(spark, options.out() + "/run.json", result.toJson(options));
        return result;
    }

    private static void warnAboutEmptySources(FeatureSpec spec, DataQualityReport quality) {
        for (Source source : List.of(Source.EVENTS, Source.ORDER_ITEMS)) {
            TableReport table = quality.table(source == Source.EVENTS ? "events" : "order_items");
            if (table.rowsValid() > 0) {
                continue;
            }
            List<String> names = spec.features().stream().filter(f -> f.source() == source)
                    .map(FeatureDefinition::name).toList();
            if (!names.isEmpty()) {
                quality.warn(names.size() + " features read " + source.wireName() + ", which has no valid row: "
                        + String.join(", ", names.subList(0, Math.min(6, names.size())))
                        + (names.size() > 6 ? ", ..." : "") + " will hold only empty values");
            }
        }
    }

    /** Rows and positives per as-of date. */
    private static Map<String, long[]> pairCounts(Dataset<Row> pairs) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Row row : pairs.groupBy(col("as_of").cast("string").as("as_of"))
                .agg(count("*").as("rows"), sum("label").as("positives")).collectAsList()) {
            counts.put(row.getString(0), new long[] {row.getLong(1), row.isNullAt(2) ? 0 : row.getLong(2)});
        }
        return counts;
    }

    /**
     * Identifies the data a run was computed from: feature definitions, warehouse, valid row counts, time range and
     * run options. Models record it in their manifest.
     */
    private static String snapshotId(PipelineOptions options, FeatureSpec spec, DataQualityReport quality,
                                     DataRange range, List<LocalDate> asOfDates) {
        StringBuilder canonical = new StringBuilder(spec.hash()).append('|').append(options.warehouse());
        quality.tables().values().forEach(t -> canonical.append('|').append(t.table()).append(':').append(t.rowsIn())
                .append(':').append(t.rowsValid()));
        canonical.append('|').append(range).append('|').append(asOfDates).append('|').append(options.horizon())
                .append('|').append(options.sampling());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The days holding behavioural data: the first, the last, and the day after the last (the data's "now"). */
    public record DataRange(LocalDate firstDay, LocalDate lastDay) {
        public LocalDate end() {
            return lastDay.plusDays(1);
        }

        static DataRange of(SourceViews views) {
            Dataset<Row> days = views.events().select(col("day")).unionByName(views.orderLines().select(col("day")));
            Row row = days.agg(min("day"), max("day")).first();
            if (row.isNullAt(0)) {
                throw new IllegalArgumentException("the warehouse has no valid event or order: nothing to compute"
                        + " features from");
            }
            return new DataRange(LocalDate.ofEpochDay(row.getInt(0)), LocalDate.ofEpochDay(row.getInt(1)));
        }
    }

    /** Chooses or checks the as-of dates against the data and the label horizon. */
    static final class AsOfSelection {
        private AsOfSelection() {
        }

        static List<LocalDate> choose(PipelineOptions options, DataRange range) {
            int horizon = options.horizon().days();
            LocalDate latest = range.end().minusDays(horizon);
            if (!options.asOfDates().isEmpty()) {
                for (LocalDate date : options.asOfDates()) {
                    if (date.isAfter(latest)) {
                        throw new IllegalArgumentException("as-of " + date + " with horizon " + options.horizon()
                                + " needs data up to " + date.plusDays(horizon) + ", but the data ends on "
                                + range.lastDay() + "; choose " + latest + " or earlier, or a shorter --horizon");
                    }
                    if (!date.isAfter(range.firstDay())) {
                        throw new IllegalArgumentException("as-of " + date + " is not after the first day of data, "
                                + range.firstDay() + ": its features would be empty");
                    }
                }
                return options.asOfDates().stream().distinct().sorted().toList();
            }
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < options.asOfCount(); i++) {
                LocalDate date = latest.minusDays((long) i * horizon);
                if (date.isAfter(range.firstDay())) {
                    dates.add(0, date);
                }
            }
            if (dates.isEmpty()) {
                throw new IllegalArgumentException("the data (" + range.firstDay() + " to " + range.lastDay()
                        + ") is shorter than one label horizon (" + options.horizon() + "); use a shorter --horizon");
            }
            return dates;
        }
    }

    /** What a run produced, for the summary, {@code run.json} and the demo. */
    public record PipelineResult(String out, String specHash, String snapshotId, DataRange range,
                                 List<LocalDate> asOfDates, LocalDate onlineAsOf, Map<String, long[]> pairCounts,
                                 OnlineSnapshotManifest online, DataQualityReport quality, double seconds) {

        Map<String, Object> toJson(PipelineOptions options) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("snapshot_id", snapshotId);
            json.put("created_at", Instant.now().toString());
            json.put("warehouse", options.warehouse());
            json.put("spec", options.spec().toString());
            json.put("spec_hash", specHash);
            json.put("data_first_day", range.firstDay().toString());
            json.put("data_last_day", range.lastDay().toString());
            json.put("as_of_dates", asOfDates.stream().map(LocalDate::toString).toList());
            json.put("horizon", options.horizon().toString());
            json.put("negative_rate", options.sampling().rate());
            json.put("unsampled_newest", options.sampling().unsampledNewest());
            json.put("seed", options.sampling().seed());
            Map<String, Object> pairs = new LinkedHashMap<>();
            pairCounts.forEach((date, c) -> pairs.put(date, Map.of("rows", c[0], "positives", c[1])));
            json.put("training_pairs", pairs);
            json.put("online_as_of", online == null ? null : onlineAsOf.toString());
            json.put("seconds", Math.round(seconds * 10) / 10.0);
            return json;
        }

        /** The summary printed at the end of a run. */
        public void print(PrintStream out) {
            out.println();
            quality.print(out);
            out.println();
            out.println("Training pairs (customer x offer x as-of date):");
            out.printf("  %-12s %12s %10s %8s%n", "as_of", "rows", "positives", "rate");
            pairCounts.forEach((date, c) -> out.printf("  %-12s %,12d %,10d %7.2f%%%n", date, c[0], c[1],
                    c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0]));
            out.println();
            out.println("Outputs in " + out() + ":");
            out.println("  snapshots/<entity>/as_of=<date>/   point-in-time features (customer, customer_category,"
                    + " offer, customer_offer)");
            out.println("  training_pairs/as_of=<date>/       features + label: the input of model training");
            if (online != null) {
                out.printf("  online/                            state of %,d customers and %,d offers at %s, for"
                        + " serving%n", online.customers(), online.offers(), online.asOf());
            }
            out.println("  quarantine/<table>/                rejected rows with a reason");
            out.println("  data_quality.json, run.json        reports (snapshot id " + snapshotId + ")");
            out.printf("Done in %s.%n", Progress.format(java.time.Duration.ofMillis(Math.round(seconds * 1000))));
        }
    }
}
