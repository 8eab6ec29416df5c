package dev.nbo.models.rules;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.feature.FeatureSpec;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses {@code rules.yaml} into a {@link RuleSet}. Everything is checked at load, disabled entries included (so
 * that switching one back on cannot break the file): names, conditions (compiled and type-checked), offers
 * (in the catalog). Errors name the file, the line, the entry's position and name, and the problem.
 */
final class RuleSetLoader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");
    private static final String DEFAULT = "default";
    private static final int OFFERS_LISTED_IN_ERRORS = 30;

    private final OfferCatalog catalog;
    private final RuleVariables variables;
    private final ConditionCompiler compiler;
    /** Name to the position of the entry that took it, for duplicate errors. */
    private final Map<String, String> names = new HashMap<>();

    private RuleSetLoader(FeatureSpec spec, OfferCatalog catalog) {
        this.catalog = catalog;
        this.variables = RuleVariables.of(spec);
        this.compiler = new ConditionCompiler(variables);
    }

    static RuleSet load(Path file, FeatureSpec spec, OfferCatalog catalog) {
        return new RuleSetLoader(spec, catalog).read(ConfigNode.load(file));
    }

    static RuleSet parse(String origin, String yaml, FeatureSpec spec, OfferCatalog catalog) {
        return new RuleSetLoader(spec, catalog).read(ConfigNode.parse(origin, yaml));
    }

    private RuleSet read(ConfigNode root) {
        root.allowOnly("version", "rules", "default");
        long version = root.required("version").integer();
        if (version != 1) {
            throw root.field("version").error("version " + version + " is not supported; this release reads version 1");
        }
        List<RuleNode> rules = readEntries(root.field("rules"));
        RuleMatch defaultMatch = readDefault(root.required(DEFAULT));
        return new RuleSet(root.file(), variables, rules, defaultMatch);
    }

    /** The enabled entries of a list; disabled ones are validated and left out. */
    private List<RuleNode> readEntries(ConfigNode list) {
        List<RuleNode> entries = new ArrayList<>();
        for (ConfigNode item : list.items()) {
            RuleNode entry = readEntry(item);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private RuleNode readEntry(ConfigNode item) {
        if (!item.isMapping()) {
            throw item.error("must be a rule {name, when, offers} or a group {group, when, rules}");
        }
        boolean isGroup = !item.field("group").isMissing();
        if (!isGroup && !item.field("rules").isMissing()) {
            throw item.field("rules").error("an entry with rules is a group: name it with 'group:' instead of 'name:'");
        }
        if (isGroup && !item.field("offers").isMissing()) {
            throw item.field("offers").error("a group gives no offers, its rules do; move them into a rule of the group"
                    + " (a rule without 'when' at its end matches whatever the others did not)");
        }
        if (isGroup) {
            item.allowOnly("group", "description", "when", "enabled", "rules");
        } else {
            item.allowOnly("name", "description", "when", "enabled", "offers");
        }
        String name = readName(item.required(isGroup ? "group" : "name"), item.path());
        Entry entry = new Entry(item, item.path() + " (" + name + ")");
        String description = item.field("description").optionalString().orElse("");
        Condition condition = readCondition(entry);
        boolean enabled = item.field("enabled").isMissing() || item.field("enabled").bool();
        if (isGroup) {
            List<ConfigNode> children = item.required("rules").items();
            if (children.isEmpty()) {
                throw entry.error(item.field("rules"), "rules", "a group needs at least one rule");
            }
            List<RuleNode> rules = readEntries(item.field("rules"));
            return enabled ? new RuleGroup(name, item.path(), description, condition, rules) : null;
        }
        List<OfferId> offers = readOffers(item.required("offers"), entry);
        return enabled ? new Rule(name, item.path(), description, condition, offers) : null;
    }

    private String readName(ConfigNode node, String path) {
        String name = node.string();
        if (!NAME.matcher(name).matches()) {
            throw node.error("'" + name + "' is not a valid name; use 1 to 64 letters, digits, - _ or ., starting with"
                    + " a letter or digit (e.g. loyal-golfers)");
        }
        if (name.equals(DEFAULT)) {
            throw node.error("'default' names the answer when no rule matches; choose another name");
        }
        String first = names.putIfAbsent(name, path);
        if (first != null) {
            throw node.error("'" + name + "' is already the name of " + first
                    + "; names must be unique across rules and groups (reports and decision logs use them)");
        }
        return name;
    }

    private Condition readCondition(Entry entry) {
        ConfigNode when = entry.item().field("when");
        if (when.isMissing()) {
            return Condition.ALWAYS;
        }
        try {
            return compiler.compile(when.string());
        } catch (InvalidConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw entry.error(when, "when", e.getMessage());
        }
    }

    private List<OfferId> readOffers(ConfigNode node, Entry entry) {
        List<ConfigNode> items = node.items();
        if (items.isEmpty()) {
            throw entry.error(node, "offers", "must list at least one offer id of the catalog");
        }
        Set<OfferId> offers = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ConfigNode item = items.get(i);
            String field = "offers[" + i + "]";
            String text = item.string();
            if (!OfferId.isValid(text)) {
                throw entry.error(item, field, "'" + text + "' is not a valid offer id");
            }
            OfferId id = OfferId.of(text);
            if (catalog.offer(id).isEmpty()) {
                throw entry.error(item, field, "'" + text + "' is not in the offer catalog " + catalog.origin()
                        + "; its offers are " + knownOffers());
            }
            if (!offers.add(id)) {
                throw entry.error(item, field, "'" + text + "' is listed twice; list each offer once, in order");
            }
        }
        return List.copyOf(offers);
    }

    private RuleMatch readDefault(ConfigNode node) {
        node.allowOnly("description", "offers");
        node.field("description").optionalString(); // for people: checked, not kept
        Entry entry = new Entry(node, DEFAULT);
        return new RuleMatch(DEFAULT, DEFAULT, readOffers(node.required("offers"), entry), true);
    }

    private String knownOffers() {
        String listed = catalog.offers().stream().limit(OFFERS_LISTED_IN_ERRORS).map(Offer::id)
                .map(OfferId::value).collect(Collectors.joining(", "));
        return catalog.size() > OFFERS_LISTED_IN_ERRORS ? listed + ", ..." : listed;
    }

    /**
     * An entry being read, with the label its errors carry: its position and name, such as
     * {@code rules[2].rules[0] (loyal-golfers)}, or {@code default}.
     */
    private record Entry(ConfigNode item, String label) {
        InvalidConfigException error(ConfigNode at, String field, String problem) {
            return new InvalidConfigException(item.file(), at.line(), label, field + ": " + problem);
        }
    }
}
