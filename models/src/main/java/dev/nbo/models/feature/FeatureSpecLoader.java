package dev.nbo.models.feature;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.warehouse.EventType;
import dev.nbo.models.warehouse.OrderType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parses {@code features.yaml} into a {@link FeatureSpec}, refusing anything ambiguous with a precise message. */
final class FeatureSpecLoader {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    /** Column names the snapshot and training tables use for keys and labels; a feature may not take them. */
    private static final Set<String> RESERVED = Set.of("customer_id", "category", "offer_id", "offer_category",
            "as_of", "label", "sample_weight", "product_id", "day");
    private static final String[] FIELDS = {"name", "description", "entity", "source", "aggregation", "column",
            "window", "filter", "type", "default", "numerator", "denominator"};

    private FeatureSpecLoader() {
    }

    static FeatureSpec load(Path file) {
        return read(ConfigNode.load(file));
    }

    static FeatureSpec parse(String origin, String yaml) {
        return read(ConfigNode.parse(origin, yaml));
    }

    private static FeatureSpec read(ConfigNode root) {
        root.allowOnly("version", "features");
        long version = root.required("version").integer();
        if (version != 1) {
            throw root.field("version").error("version " + version + " is not supported; this release reads version 1");
        }
        List<ConfigNode> items = root.required("features").items();
        if (items.isEmpty()) {
            throw root.field("features").error("must list at least one feature");
        }
        Map<String, FeatureDefinition> byName = new LinkedHashMap<>();
        Map<String, ConfigNode> nodes = new HashMap<>();
        for (ConfigNode item : items) {
            FeatureDefinition feature = readFeature(item);
            if (byName.containsKey(feature.name())) {
                throw item.field("name").error("duplicate feature name '" + feature.name() + "' (first defined on line "
                        + nodes.get(feature.name()).line() + ")");
            }
            byName.put(feature.name(), feature);
            nodes.put(feature.name(), item);
        }
        for (FeatureDefinition feature : byName.values()) {
            if (feature.aggregation() == Aggregation.RATIO) {
                checkRatio(feature, byName, nodes.get(feature.name()));
            }
        }
        return new FeatureSpec(root.file(), new ArrayList<>(byName.values()));
    }

    private static FeatureDefinition readFeature(ConfigNode item) {
        item.allowOnly(FIELDS);
        String name = item.required("name").string();
        if (!NAME.matcher(name).matches()) {
            throw item.field("name").error("'" + name + "' is not a valid feature name; use lower-case letters, digits"
                    + " and _ , starting with a letter (e.g. page_views_7d)");
        }
        if (RESERVED.contains(name)) {
            throw item.field("name").error("'" + name + "' is reserved for a key column; choose another name");
        }
        String description = item.field("description").optionalString().orElse("");
        Entity entity = oneOf(item.required("entity"), Entity::fromWireName, Entity.values(), Entity::wireName);
        Aggregation aggregation = oneOf(item.required("aggregation"), Aggregation::fromWireName,
                Aggregation.values(), Aggregation::wireName);

        if (aggregation == Aggregation.RATIO) {
            return readRatio(item, name, description, entity);
        }
        ConfigNode sourceNode = item.required("source");
        Source source = oneOf(sourceNode, Source::fromWireName, Source.values(), Source::wireName);
        checkSourceFitsEntity(sourceNode, source, entity, aggregation);

        String column = readColumn(item, source, aggregation);
        Window window = readWindow(item, source);
        RowFilter filter = readFilter(item.field("filter"), source);
        ValueType type = inferType(aggregation, column == null ? null : source.column(column).orElseThrow().type());
        ConfigNode typeNode = item.field("type");
        if (!typeNode.isMissing() && !typeNode.string().equals(type.wireName())) {
            throw typeNode.error("'" + typeNode.string() + "' does not match what " + aggregation.wireName()
                    + (column == null ? "" : " of " + column) + " produces: " + type.wireName()
                    + "; remove the field or write " + type.wireName());
        }
        Object defaultValue = readDefault(item.field("default"), type, aggregation);
        for (String ratioOnly : List.of("numerator", "denominator")) {
            if (!item.field(ratioOnly).isMissing()) {
                throw item.field(ratioOnly).error("is only used by aggregation: ratio");
            }
        }
        return new FeatureDefinition(name, description, entity, source, aggregation, column, window, filter, type,
                defaultValue, null, null);
    }

    private static FeatureDefinition readRatio(ConfigNode item, String name, String description, Entity entity) {
        for (String unused : List.of("source", "column", "window", "filter")) {
            if (!item.field(unused).isMissing()) {
                throw item.field(unused).error("a ratio takes no " + unused
                        + "; put it on the numerator and denominator features");
            }
        }
        ConfigNode typeNode = item.field("type");
        if (!typeNode.isMissing() && !typeNode.string().equals(ValueType.DOUBLE.wireName())) {
            throw typeNode.error("a ratio is a double, not '" + typeNode.string() + "'");
        }
        String numerator = item.required("numerator").string();
        String denominator = item.required("denominator").string();
        Object defaultValue = readDefault(item.field("default"), ValueType.DOUBLE, Aggregation.RATIO);
        return new FeatureDefinition(name, description, entity, null, Aggregation.RATIO, null, Window.LIFETIME,
                RowFilter.ALL, ValueType.DOUBLE, defaultValue, numerator, denominator);
    }

    private static void checkSourceFitsEntity(ConfigNode node, Source source, Entity entity, Aggregation aggregation) {
        if (source.isBehavioural()) {
            if (aggregation == Aggregation.ATTRIBUTE) {
                throw node.error("aggregation attribute reads the customers or offers table, not "
                        + source.wireName());
            }
            return;
        }
        if (aggregation != Aggregation.ATTRIBUTE) {
            throw node.error(source.wireName() + " holds profile attributes; use aggregation: attribute with it");
        }
        Entity expected = source == Source.CUSTOMERS ? Entity.CUSTOMER : Entity.OFFER;
        if (entity != expected) {
            throw node.error(source.wireName() + " attributes belong to entity " + expected.wireName()
                    + ", not " + entity.wireName());
        }
    }

    private static String readColumn(ConfigNode item, Source source, Aggregation aggregation) {
        ConfigNode node = item.field("column");
        if (!aggregation.needsColumn()) {
            if (!node.isMissing()) {
                throw node.error(aggregation.wireName() + " takes no column; remove this field");
            }
            return null;
        }
        if (node.isMissing()) {
            throw node.error("is required by aggregation " + aggregation.wireName() + "; columns of "
                    + source.wireName() + ": " + columnNames(source));
        }
        String column = node.string();
        Optional<SourceColumn> found = source.column(column);
        if (found.isEmpty()) {
            throw node.error("'" + column + "' is not a column of " + source.wireName() + "; its columns are "
                    + columnNames(source));
        }
        ValueType type = found.get().type();
        switch (aggregation) {
            case SUM, AVG, MIN, MAX -> {
                if (!type.isNumeric()) {
                    throw node.error(aggregation.wireName() + " needs a numeric column; '" + column + "' is "
                            + type.wireName());
                }
            }
            case COUNT_DISTINCT -> {
                if (type != ValueType.STRING && type != ValueType.LONG) {
                    throw node.error("count_distinct needs a string or long column; '" + column + "' is "
                            + type.wireName());
                }
            }
            case LAST -> {
                if (type == ValueType.STRING_LIST) {
                    throw node.error("last needs a single-valued column; '" + column + "' is a list");
                }
            }
            default -> {
            }
        }
        return column;
    }

    private static Window readWindow(ConfigNode item, Source source) {
        ConfigNode node = item.field("window");
        if (node.isMissing()) {
            return Window.LIFETIME;
        }
        if (!source.isBehavioural()) {
            throw node.error("a window applies to events and order_items only; " + source.wireName()
                    + " attributes are read as of the as-of time");
        }
        try {
            return Window.parse(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static RowFilter readFilter(ConfigNode node, Source source) {
        if (node.isMissing()) {
            return RowFilter.ALL;
        }
        if (!source.isBehavioural()) {
            throw node.error("a filter applies to events and order_items only");
        }
        if (!node.isMapping()) {
            throw node.error("must be a mapping of column: value (or [values]), e.g. {event_type: page_view}");
        }
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
            String column = entry.getKey();
            ConfigNode valuesNode = entry.getValue();
            SourceColumn sourceColumn = source.column(column).orElse(null);
            if (sourceColumn == null || !sourceColumn.filterable()) {
                List<String> filterable = source.columns().stream().filter(SourceColumn::filterable)
                        .map(SourceColumn::name).toList();
                throw valuesNode.error("cannot filter on '" + column + "'; filterable columns of " + source.wireName()
                        + " are " + String.join(", ", filterable));
            }
            List<String> values = valuesNode.strings();
            if (values.isEmpty()) {
                throw valuesNode.error("lists no value; a filter needs at least one");
            }
            for (String value : values) {
                checkFilterValue(valuesNode, column, value);
            }
            allowed.put(column, new LinkedHashSet<>(values));
        }
        return new RowFilter(allowed);
    }

    private static void checkFilterValue(ConfigNode node, String column, String value) {
        if (column.equals("event_type") && EventType.fromWireName(value).isEmpty()) {
            throw node.error("'" + value + "' is not an event type; known types: "
                    + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", ")));
        }
        if (column.equals("order_type") && OrderType.fromWireName(value).isEmpty()) {
            throw node.error("'" + value + "' is not an order type; use purchase or cancellation");
        }
    }

    private static ValueType inferType(Aggregation aggregation, ValueType columnType) {
        return switch (aggregation) {
            case COUNT, COUNT_DISTINCT -> ValueType.LONG;
            case SUM, AVG, MIN, MAX, DAYS_SINCE, RATIO -> ValueType.DOUBLE;
            case LAST, ATTRIBUTE -> columnType;
        };
    }

    private static Object readDefault(ConfigNode node, ValueType type, Aggregation aggregation) {
        if (node.isMissing()) {
            return null;
        }
        if (aggregation.isZeroWhenEmpty()) {
            throw node.error(aggregation.wireName() + " is 0 when no row matches; it takes no default");
        }
        return switch (type) {
            case LONG -> node.integer();
            case DOUBLE -> node.number();
            case STRING -> node.string();
            case BOOLEAN -> node.bool();
            case STRING_LIST -> List.copyOf(node.strings());
        };
    }

    private static void checkRatio(FeatureDefinition ratio, Map<String, FeatureDefinition> byName, ConfigNode node) {
        for (String part : List.of("numerator", "denominator")) {
            String reference = part.equals("numerator") ? ratio.numerator() : ratio.denominator();
            FeatureDefinition target = byName.get(reference);
            if (target == null) {
                throw node.field(part).error("'" + reference + "' is not a feature defined in this file");
            }
            if (target.entity() != ratio.entity()) {
                throw node.field(part).error("'" + reference + "' belongs to entity " + target.entity().wireName()
                        + "; a ratio of entity " + ratio.entity().wireName() + " needs features of the same entity");
            }
            if (!target.type().isNumeric()) {
                throw node.field(part).error("'" + reference + "' is " + target.type().wireName()
                        + "; a ratio needs numeric features");
            }
        }
        Set<String> seen = new HashSet<>();
        if (reachesItself(ratio.name(), ratio, byName, seen)) {
            throw node.error("ratio '" + ratio.name() + "' depends on itself through its numerator or denominator");
        }
    }

    private static boolean reachesItself(String start, FeatureDefinition current, Map<String, FeatureDefinition> byName,
                                         Set<String> seen) {
        if (current.aggregation() != Aggregation.RATIO || !seen.add(current.name())) {
            return false;
        }
        for (String reference : List.of(current.numerator(), current.denominator())) {
            if (reference.equals(start)) {
                return true;
            }
            FeatureDefinition next = byName.get(reference);
            if (next != null && reachesItself(start, next, byName, seen)) {
                return true;
            }
        }
        return false;
    }

    private static <T> T oneOf(ConfigNode node, Function<String, Optional<T>> parse, T[] values,
                               Function<T, String> wireName) {
        String text = node.string();
        return parse.apply(text).orElseThrow(() -> node.error("'" + text + "' is not one of "
                + Arrays.stream(values).map(wireName).collect(Collectors.joining(", "))));
    }

    private static String columnNames(Source source) {
        return source.columns().stream().map(SourceColumn::name).collect(Collectors.joining(", "));
    }
}
