package dev.nbo.experiments.config;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.id.IdFormat;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads and checks experiments.yaml against the blocks and offers it names; every error says file, line, field and
 * what to write instead. See docs/experiments.md for the format.
 */
public final class ExperimentsConfigLoader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> STRATEGIES = Set.of("model", "rules", "popular");
    private static final double MAX_HOLDOUT_PERCENT = 50;

    private ExperimentsConfigLoader() {
    }

    /**
     * @param blockExists which block ids the serving config defines
     * @param offerExists which offer ids the catalog holds (fixed arms must list known offers)
     */
    public static ExperimentsConfig load(Path file, Predicate<String> blockExists, Predicate<String> offerExists) {
        return read(ConfigNode.load(file), file.toAbsolutePath().getParent(), blockExists, offerExists);
    }

    /** As {@link #load}, from YAML text ({@code name} stands for the file in messages). */
    public static ExperimentsConfig parse(String name, String yaml, Predicate<String> blockExists,
                                          Predicate<String> offerExists) {
        return read(ConfigNode.parse(name, yaml), Path.of("").toAbsolutePath(), blockExists, offerExists);
    }

    private static ExperimentsConfig read(ConfigNode root, Path base, Predicate<String> blockExists,
                                          Predicate<String> offerExists) {
        root.allowOnly("holdout_percent", "holdout_salt", "attribution", "experiments");
        double holdout = root.field("holdout_percent").isMissing() ? 0 : root.field("holdout_percent").number();
        if (holdout < 0 || holdout > MAX_HOLDOUT_PERCENT) {
            throw root.field("holdout_percent").error("must be between 0 and " + (int) MAX_HOLDOUT_PERCENT
                    + " (a percentage of all customers); got " + holdout);
        }
        String holdoutSalt = root.field("holdout_salt").optionalString().orElse("nbo-global-holdout");
        Duration window = attributionWindow(root.field("attribution"));
        List<ExperimentSpec> experiments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode node : root.field("experiments").items()) {
            ExperimentSpec experiment = experiment(node, base, blockExists, offerExists);
            if (!names.add(experiment.name())) {
                throw node.field("name").error("experiment '" + experiment.name() + "' is defined twice; names are"
                        + " unique");
            }
            for (ExperimentSpec other : experiments) {
                if (other.block().equals(experiment.block()) && other.start().isBefore(experiment.end())
                        && experiment.start().isBefore(other.end())) {
                    throw node.field("start").error("experiment '" + experiment.name() + "' overlaps '" + other.name()
                            + "' on block " + experiment.block() + "; one block runs one experiment at a time");
                }
            }
            experiments.add(experiment);
        }
        return new ExperimentsConfig(holdout, holdoutSalt, window, experiments);
    }

    private static Duration attributionWindow(ConfigNode node) {
        if (node.isMissing()) {
            return ExperimentsConfig.NONE.attributionWindow();
        }
        node.allowOnly("window_days");
        ConfigNode days = node.required("window_days");
        long value = days.integer();
        if (value < 1 || value > 90) {
            throw days.error("must be a whole number of days from 1 to 90; got " + value);
        }
        return Duration.ofDays(value);
    }

    private static ExperimentSpec experiment(ConfigNode node, Path base, Predicate<String> blockExists,
                                             Predicate<String> offerExists) {
        node.allowOnly("name", "block", "salt", "start", "end", "control", "arms", "overrides");
        String name = name(node.required("name"));
        ConfigNode blockNode = node.required("block");
        String block = blockNode.string();
        if (!blockExists.test(block)) {
            throw blockNode.error("block '" + block + "' is not defined in the blocks file");
        }
        String salt = node.required("salt").string();
        Instant start = instant(node.required("start"));
        Instant end = instant(node.required("end"));
        if (!start.isBefore(end)) {
            throw node.field("end").error("must be after start (" + start + "); got " + end);
        }
        List<ArmSpec> arms = new ArrayList<>();
        Set<String> armNames = new HashSet<>();
        for (ConfigNode armNode : node.required("arms").items()) {
            ArmSpec arm = arm(armNode, base, offerExists);
            if (!armNames.add(arm.name())) {
                throw armNode.field("name").error("arm '" + arm.name() + "' is defined twice in experiment " + name);
            }
            arms.add(arm);
        }
        if (arms.size() < 2) {
            throw node.field("arms").error("an experiment needs at least 2 arms (a treatment and a control); got "
                    + arms.size());
        }
        String control = control(node.field("control"), armNames);
        Map<String, String> overrides = new LinkedHashMap<>();
        ConfigNode overridesNode = node.field("overrides");
        if (!overridesNode.isMissing()) {
            for (Map.Entry<String, ConfigNode> entry : overridesNode.entries().entrySet()) {
                String customer = entry.getKey();
                try {
                    IdFormat.check("customer id", customer);
                } catch (IllegalArgumentException e) {
                    throw entry.getValue().error(e.getMessage());
                }
                String arm = entry.getValue().string();
                if (!armNames.contains(arm)) {
                    throw entry.getValue().error("arm '" + arm + "' is not an arm of experiment " + name
                            + "; the arms are " + armNames);
                }
                overrides.put(customer, arm);
            }
        }
        return new ExperimentSpec(name, block, salt, start, end, arms, control, overrides);
    }

    private static ArmSpec arm(ConfigNode node, Path base, Predicate<String> offerExists) {
        node.allowOnly("name", "strategy", "offers", "weight", "rules");
        String name = name(node.required("name"));
        ConfigNode weightNode = node.field("weight");
        double weight = weightNode.isMissing() ? 1 : weightNode.number();
        if (!(weight > 0)) {
            throw weightNode.error("must be more than 0 (a relative share of traffic); got " + weight);
        }
        ConfigNode strategyNode = node.field("strategy");
        ConfigNode offersNode = node.field("offers");
        if (strategyNode.isMissing() == offersNode.isMissing()) {
            throw node.error("arm '" + name + "' needs exactly one of 'strategy' (model, rules, popular) or 'offers'"
                    + " (a fixed list, e.g. for a control)");
        }
        if (!strategyNode.isMissing()) {
            String strategy = strategyNode.string();
            if (!STRATEGIES.contains(strategy)) {
                throw strategyNode.error("'" + strategy + "' is not a strategy; use model, rules or popular");
            }
            ConfigNode rulesNode = node.field("rules");
            if (!rulesNode.isMissing() && !strategy.equals("rules")) {
                throw rulesNode.error("only an arm with strategy rules names a rules file");
            }
            Optional<Path> rules = rulesNode.optionalString().map(p -> base.resolve(p).normalize());
            return new ArmSpec(name, Optional.of(strategy), List.of(), weight, rules);
        }
        List<String> offers = offersNode.strings();
        if (offers.isEmpty()) {
            throw offersNode.error("a fixed arm lists at least one offer");
        }
        for (String offer : offers) {
            if (!offerExists.test(offer)) {
                throw offersNode.error("offer '" + offer + "' is not in the offer catalog");
            }
        }
        if (new HashSet<>(offers).size() != offers.size()) {
            throw offersNode.error("lists an offer twice: " + offers);
        }
        return new ArmSpec(name, Optional.empty(), offers, weight);
    }

    private static String control(ConfigNode node, Set<String> armNames) {
        if (node.isMissing()) {
            if (armNames.contains("control")) {
                return "control";
            }
            throw node.error("is required unless an arm is named 'control': name the arm the others are compared"
                    + " against");
        }
        String control = node.string();
        if (!armNames.contains(control)) {
            throw node.error("'" + control + "' is not one of the arms " + armNames);
        }
        return control;
    }

    private static String name(ConfigNode node) {
        String name = node.string();
        if (!NAME.matcher(name).matches()) {
            throw node.error("'" + name + "' is not a valid name: 1 to 64 lower-case letters, digits, '_' or '-',"
                    + " starting with a letter or digit");
        }
        return name;
    }

    /** A date (midnight UTC) or an ISO-8601 instant. */
    private static Instant instant(ConfigNode node) {
        String text = node.string();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeException e) {
            throw node.error("'" + text + "' is not a date (2026-12-01) or an instant (2026-12-01T08:00:00Z)");
        }
    }
}
