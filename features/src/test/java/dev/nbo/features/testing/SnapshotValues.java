package dev.nbo.features.testing;

import dev.nbo.models.aggregate.EntityKey;
import dev.nbo.models.feature.Entity;
import dev.nbo.models.feature.FeatureDefinition;
import dev.nbo.models.feature.FeatureSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads a Spark snapshot into plain Java values by entity key, for comparisons with expected values. */
public final class SnapshotValues {
    private SnapshotValues() {
    }

    public static Map<EntityKey, Map<String, Object>> read(FeatureSpec spec, Entity entity, Dataset<Row> snapshot) {
        Map<EntityKey, Map<String, Object>> values = new LinkedHashMap<>();
        for (Row row : snapshot.collectAsList()) {
            values.put(key(entity, row), features(spec, entity, row));
        }
        return values;
    }

    public static EntityKey key(Entity entity, Row row) {
        return switch (entity) {
            case CUSTOMER -> EntityKey.customer(row.getAs("customer_id"));
            case CUSTOMER_CATEGORY -> EntityKey.customerCategory(row.getAs("customer_id"), row.getAs("category"));
            case OFFER -> EntityKey.offer(row.getAs("offer_id"));
            case CUSTOMER_OFFER -> EntityKey.customerOffer(row.getAs("customer_id"), row.getAs("offer_id"));
        };
    }

    public static Map<String, Object> features(FeatureSpec spec, Entity entity, Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FeatureDefinition feature : spec.features(entity)) {
            Object value = row.getAs(feature.name());
            if (value instanceof scala.collection.Seq<?> seq) {
                value = List.copyOf(scala.jdk.javaapi.CollectionConverters.asJava(seq));
            }
            values.put(feature.name(), value);
        }
        return values;
    }
}
