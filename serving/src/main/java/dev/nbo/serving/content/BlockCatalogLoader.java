package dev.nbo.serving.content;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.id.IdFormat;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code blocks.yaml} into a {@link BlockCatalog}. Every error names the file, the line, the field and the
 * block, so that a marketer can fix the file without reading code.
 */
final class BlockCatalogLoader {
    static final int DEFAULT_LIMIT = 3;
    static final int MAX_LIMIT = 50;
    private static final Pattern LINE = Pattern.compile("^:(\\d+)");

    private BlockCatalogLoader() {
    }

    static BlockCatalog load(Path file, OfferCatalog offers) {
        ConfigNode root = ConfigNode.load(file);
        Path base = file.toAbsolutePath().getParent();
        root.allowOnly("version", "blocks");
        long version = root.required("version").integer();
        if (version != 1) {
            throw root.field("version").error("version " + version + " is not supported; this release reads version 1");
        }
        List<ConfigNode> items = root.required("blocks").items();
        if (items.isEmpty()) {
            throw root.field("blocks").error("must list at least one block");
        }
        List<Block> blocks = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        for (ConfigNode item : items) {
            ConfigNode idNode = item.required("id");
            String id = idNode.string();
            if (!IdFormat.isValid(id)) {
                throw idNode.error("block id '" + id + "' is not valid: use letters, digits and _ - . : @ +");
            }
            Integer firstLine = lines.putIfAbsent(id, item.line());
            if (firstLine != null) {
                throw idNode.error("duplicate block id '" + id + "' (first defined on line " + firstLine + ")");
            }
            blocks.add(named(id, item, () -> readBlock(id, item, base, offers)));
        }
        return new BlockCatalog(root.file(), blocks);
    }

    private static Block readBlock(String id, ConfigNode item, Path base, OfferCatalog offers) {
        item.allowOnly("id", "description", "draws_on", "element", "strategy", "candidates", "limit",
                "max_per_category", "weight", "exclude_bought_within_days", "frequency_cap", "rules", "template",
                "fallback_template");
        String description = item.field("description").optionalString().orElse("");
        CustomerData drawsOn = wire(item.required("draws_on"), CustomerData::fromWire);
        ContentElement element = wire(item.required("element"), ContentElement::fromWire);
        BlockStrategy strategy = wire(item.required("strategy"), BlockStrategy::fromWire);
        Candidates candidates = readCandidates(item.required("candidates"), offers);
        int limit = item.field("limit").isMissing() ? DEFAULT_LIMIT : bounded(item.field("limit"), 1, MAX_LIMIT);
        OptionalInt maxPerCategory = optionalInt(item.field("max_per_category"), 1, limit);
        double weight = item.field("weight").isMissing() ? 1.0 : item.field("weight").number();
        if (weight <= 0) {
            throw item.field("weight").error(weight + " must be > 0 (1 is the default weight)");
        }
        OptionalInt excludeDays = optionalInt(item.field("exclude_bought_within_days"), 1, 3650);
        Optional<FrequencyCap> cap = readFrequencyCap(item.field("frequency_cap"));
        Optional<Path> rules = item.field("rules").isMissing()
                ? Optional.empty() : Optional.of(existingFile(item.field("rules"), base));
        if (strategy == BlockStrategy.RULES && rules.isEmpty()) {
            throw item.field("rules").error("is required by strategy rules: name the rules file, e.g. rules.yaml");
        }
        CompiledTemplate template = compile(item.required("template"), base);
        ConfigNode fallbackNode = item.required("fallback_template");
        CompiledTemplate fallback = compile(fallbackNode, base);
        List<Offer> fallbackOffers = evergreen(candidates.resolve(offers), limit);
        String fallbackHtml = renderFallback(fallbackNode, fallback, id, description, element, fallbackOffers);
        return new Block(id, description, drawsOn, element, strategy, candidates, limit, maxPerCategory, weight,
                excludeDays, cap, rules, template, fallback, fallbackOffers.stream().map(Offer::id).toList(),
                fallbackHtml);
    }

    private static Candidates readCandidates(ConfigNode node, OfferCatalog offers) {
        if (node.isMapping()) {
            node.allowOnly("categories");
            Set<String> categories = new LinkedHashSet<>(node.required("categories").strings());
            for (String category : categories) {
                if (!offers.targetedCategories().contains(category)) {
                    throw node.field("categories").error("no offer of " + offers.origin() + " targets category '"
                            + category + "'; known categories: " + new TreeSet<>(offers.targetedCategories()));
                }
            }
            return Candidates.categories(categories);
        }
        List<String> ids = node.strings();
        if (ids.equals(List.of("all"))) {
            return Candidates.all();
        }
        List<OfferId> listed = new ArrayList<>();
        for (String id : ids) {
            if (!OfferId.isValid(id) || offers.offer(OfferId.of(id)).isEmpty()) {
                throw node.error("unknown offer '" + id + "': it is not in " + offers.origin()
                        + "; write an offer id of that file, {categories: [...]} or all");
            }
            listed.add(OfferId.of(id));
        }
        return Candidates.offers(listed);
    }

    private static Optional<FrequencyCap> readFrequencyCap(ConfigNode node) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        node.allowOnly("max", "per_days");
        int max = bounded(node.required("max"), 1, 1000);
        int perDays = bounded(node.required("per_days"), 1, 3650);
        return Optional.of(new FrequencyCap(max, perDays));
    }

    /** The candidates that can be shown anywhere at any time, so that a fallback rendered at load stays right. */
    private static List<Offer> evergreen(List<Offer> candidates, int limit) {
        return candidates.stream()
                .filter(offer -> offer.regions().isEmpty() && offer.validFrom() == null && offer.validTo() == null)
                .limit(limit)
                .toList();
    }

    private static String renderFallback(ConfigNode node, CompiledTemplate fallback, String id, String description,
                                         ContentElement element, List<Offer> offers) {
        List<RankedOffer> ranked = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            ranked.add(RankedOffer.of(offers.get(i), i + 1, 0.0));
        }
        String html;
        try {
            html = fallback.render(LiquidVariables.fallback(id, description, element, ranked));
        } catch (RuntimeException e) {
            throw node.error(fallback.source() + " does not render with the block's non-personal variables ("
                    + e.getMessage() + "); a fallback may use block.* and offers (id, rank and content, no score),"
                    + " never customer.*");
        }
        if (html.isBlank()) {
            throw node.error(fallback.source() + " renders nothing; a fallback must always show something");
        }
        return html;
    }

    private static CompiledTemplate compile(ConfigNode node, Path base) {
        Path file = existingFile(node, base);
        try {
            return LiquidTemplates.compile(file);
        } catch (IOException e) {
            throw node.error("cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw node.error(file + " is not a valid Liquid template: " + e.getMessage());
        }
    }

    private static Path existingFile(ConfigNode node, Path base) {
        Path file = base.resolve(node.string()).normalize();
        if (!Files.isRegularFile(file)) {
            throw node.error("file not found: " + file + " (paths are relative to the blocks file)");
        }
        return file;
    }

    private static <E> E wire(ConfigNode node, Function<String, E> parse) {
        try {
            return parse.apply(node.string());
        } catch (InvalidConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static OptionalInt optionalInt(ConfigNode node, int min, int max) {
        return node.isMissing() ? OptionalInt.empty() : OptionalInt.of(bounded(node, min, max));
    }

    private static int bounded(ConfigNode node, int min, int max) {
        long value = node.integer();
        if (value < min || value > max) {
            throw node.error(value + " is out of range; write a whole number from " + min + " to " + max);
        }
        return (int) value;
    }

    /**
     * Runs {@code read} and labels any error with the block, as the rules loader labels rules:
     * {@code blocks.yaml:12: blocks[1] (near-you): limit: 0 is out of range...}; the field path alone would say only
     * {@code blocks[1]}. {@link InvalidConfigException} keeps no line or problem of its own, so they are read back
     * from its message, whose layout that class defines.
     */
    private static Block named(String id, ConfigNode item, Supplier<Block> read) {
        String label = item.path() + " (" + id + ")";
        try {
            return read.get();
        } catch (InvalidConfigException e) {
            String rest = e.getMessage().substring(e.file().length());
            int line = item.line();
            Matcher number = LINE.matcher(rest);
            if (number.find()) {
                line = Integer.parseInt(number.group(1));
                rest = rest.substring(number.end());
            }
            String field = e.field() == null ? "" : e.field();
            String problem = rest.startsWith(": " + field + ": ") ? rest.substring(field.length() + 4)
                    : rest.startsWith(": ") ? rest.substring(2) : rest;
            String inBlock = field.startsWith(item.path() + ".") ? field.substring(item.path().length() + 1) : "";
            throw new InvalidConfigException(e.file(), line, label, inBlock.isEmpty() ? problem : inBlock + ": "
                    + problem);
        } catch (IllegalArgumentException e) {
            String prefix = "block " + id + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            throw new InvalidConfigException(item.file(), item.line(), label, problem);
        }
    }
}
