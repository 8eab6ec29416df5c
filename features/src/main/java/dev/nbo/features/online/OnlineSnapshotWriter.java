package dev.nbo.features.online;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.nbo.features.compile.SourceViews;
import dev.nbo.features.compile.SparkFeatureCompiler;
import dev.nbo.features.pipeline.OutputFiles;
import dev.nbo.features.spark.Progress;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.online.OnlineSnapshotManifest;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes the online snapshot serving loads at start: for every customer one JSON line with the profile and the
 * daily aggregation state of every customer-keyed feature; for every offer one line with its state; and product
 * categories. The feature values at the same date are in the pipeline's snapshots ({@code as_of=<date>}).
 * The reader is {@code dev.nbo.models.online.OnlineSnapshot}.
 */
public final class OnlineSnapshotWriter {
    private final SparkFeatureCompiler compiler;
    private final SourceViews views;

    public OnlineSnapshotWriter(SparkFeatureCompiler compiler, SourceViews views) {
        this.compiler = compiler;
        this.views = views;
    }

    public OnlineSnapshotManifest write(LocalDate asOf, String dir, String snapshotId, Progress progress) {
        Dataset<Row> customerState = union(
                customerKeyed(Entity.CUSTOMER, asOf),
                customerKeyed(Entity.CUSTOMER_CATEGORY, asOf),
                customerKeyed(Entity.CUSTOMER_OFFER, asOf));
        Dataset<Row> customers = views.customers().select(col("customer_id"), struct(
                col("signup_us"), col("birth_year"), col("city"), col("region"), col("country"), col("interests"),
                col("marketing_consent")).as("profile"));
        if (customerState != null) {
            customers = customers.join(customerState.groupBy("customer_id").agg(collect_list("state").as("state")),
                    "customer_id", "left");
        }
        long customerCount = writeJson(customers.select(to_json(struct(col("*"))).as("value")), dir + "/customers");
        progress.detail("%,d customers' profiles and state written (%s)", customerCount, progress.elapsed());

        Dataset<Row> offers = views.offerTable().select(col("offer_id"));
        Dataset<Row> offerState = compiler.state(Entity.OFFER, asOf);
        if (offerState != null) {
            offers = offers.join(offerState.select(col("offer_id"), stateStruct(Entity.OFFER).as("state"))
                    .groupBy("offer_id").agg(collect_list("state").as("state")), "offer_id", "left");
        }
        long offerCount = writeJson(offers.select(to_json(struct(col("*"))).as("value")), dir + "/offers");
        long productCount = writeJson(views.products().select(to_json(struct(col("product_id"), col("category")))
                .as("value")), dir + "/products");
        progress.detail("state of %,d customers and %,d offers written to %s/", customerCount, offerCount, dir);

        OnlineSnapshotManifest manifest = new OnlineSnapshotManifest(OnlineSnapshotManifest.FORMAT, asOf.toString(),
                dev.nbo.features.compile.AsOfDates.micros(asOf), compiler.spec().hash(), snapshotId, customerCount,
                offerCount, productCount);
        OutputFiles.writeJson(views.spark(), dir + "/manifest.json", manifest);
        return manifest;
    }

    /** State rows of a customer-keyed entity as (customer_id, state struct tagged with entity and key). */
    private Dataset<Row> customerKeyed(Entity entity, LocalDate asOf) {
        Dataset<Row> state = compiler.state(entity, asOf);
        return state == null ? null : state.select(col("customer_id"), stateStruct(entity).as("state"));
    }

    private static Column stateStruct(Entity entity) {
        Column category = entity == Entity.CUSTOMER_CATEGORY ? col("category") : lit(null).cast("string");
        Column offer = entity == Entity.CUSTOMER_OFFER ? col("offer_id") : lit(null).cast("string");
        // the entity follows from the feature's definition, so it is not repeated on every bucket
        return struct(category.as("category"), offer.as("offer_id"),
                col("s.feature"), col("s.day"), col("s.rows"), col("s.values"), col("s.sum"), col("s.min"),
                col("s.max"), col("s.max_time"), col("s.last_time"), col("s.last_key"), col("s.last_value"),
                col("s.distinct"));
    }

    @SafeVarargs
    private static Dataset<Row> union(Dataset<Row>... parts) {
        Dataset<Row> result = null;
        for (Dataset<Row> part : parts) {
            if (part != null) {
                result = result == null ? part : result.unionByName(part);
            }
        }
        return result;
    }

    private static long writeJson(Dataset<Row> lines, String path) {
        lines.write().mode(SaveMode.Overwrite).option("compression", "gzip").text(path);
        return lines.sparkSession().read().text(path).count();
    }
}
