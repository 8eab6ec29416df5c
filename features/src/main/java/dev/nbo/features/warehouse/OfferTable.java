package dev.nbo.features.warehouse;

import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.models.offer.OfferContent;
import dev.nbo.models.offer.OfferTarget;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Converts between the warehouse's {@code offers} table and an {@link OfferCatalog}, in both directions. */
public final class OfferTable {
    private OfferTable() {
    }

    /** The catalog held by an offers table (in offer id order); rows are expected to be validated. */
    public static OfferCatalog read(String origin, Dataset<Row> offers) {
        List<Offer> catalog = new ArrayList<>();
        for (Row row : offers.orderBy("offer_id").collectAsList()) {
            String targetType = row.getAs("target_type");
            String target = row.getAs("target");
            Date validFrom = row.getAs("valid_from");
            Date validTo = row.getAs("valid_to");
            List<String> regions = row.isNullAt(row.fieldIndex("regions")) ? List.of() : row.getList(row.fieldIndex("regions"));
            catalog.add(new Offer(OfferId.of(row.getAs("offer_id")),
                    "product".equals(targetType) ? OfferTarget.product(target) : OfferTarget.category(target),
                    row.<Double>getAs("value"), row.isNullAt(row.fieldIndex("discount")) ? 0.0 : row.<Double>getAs("discount"),
                    validFrom == null ? null : validFrom.toLocalDate(), validTo == null ? null : validTo.toLocalDate(),
                    new LinkedHashSet<>(regions),
                    new OfferContent(row.getAs("title"), row.getAs("image_url"), row.getAs("link"),
                            row.getAs("price_text"), Map.of())));
        }
        return new OfferCatalog(origin, catalog);
    }

    /** The rows of an offers table for a catalog. */
    public static List<Row> rows(OfferCatalog catalog) {
        List<Row> rows = new ArrayList<>();
        for (Offer o : catalog.offers()) {
            rows.add(RowFactory.create(o.id().value(), o.target().kind().wireName(), o.target().value(), o.value(),
                    o.discount(), o.validFrom() == null ? null : Date.valueOf(o.validFrom()),
                    o.validTo() == null ? null : Date.valueOf(o.validTo()), new ArrayList<>(o.regions()),
                    o.content().title(), o.content().imageUrl(), o.content().link(), o.content().priceText()));
        }
        return rows;
    }

    /** Writes a catalog as the {@code offers} table of a warehouse. */
    public static void write(SparkSession spark, OfferCatalog catalog, String warehouseRoot) {
        spark.createDataFrame(rows(catalog), WarehouseTable.OFFERS.schema()).coalesce(1).write()
                .mode(SaveMode.Overwrite).parquet(warehouseRoot + "/" + WarehouseTable.OFFERS.tableName());
    }
}
