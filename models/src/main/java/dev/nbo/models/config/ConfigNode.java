package dev.nbo.models.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML configuration file that remembers where it came from (file, line, field path), so that every
 * validation error can point at the exact place to fix.
 *
 * <p>Reading goes through SnakeYAML's composed node tree rather than its object constructor: it keeps line numbers,
 * never instantiates arbitrary types, and lets us reject unknown fields (a typo such as {@code windw} is an error,
 * not a silently ignored line).
 */
public final class ConfigNode {
    private final String file;
    private final String path;
    private final Node node;
    private final int line;

    private ConfigNode(String file, String path, Node node, int line) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    /** Reads a YAML file; a missing or unreadable file is reported with its path. */
    public static ConfigNode load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(name, 0, "", "file not found (looked at " + file.toAbsolutePath() + ")");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, reader);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException(name, 0, "", "file not found");
        } catch (IOException e) {
            throw new InvalidConfigException(name, 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /** Parses YAML text; {@code name} is used in error messages in place of a file path. */
    public static ConfigNode parse(String name, String yaml) {
        return parse(name, new StringReader(yaml));
    }

    private static ConfigNode parse(String name, Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Node root;
        try {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidConfigException(name, line, "", "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidConfigException(name, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new InvalidConfigException(name, 0, "", "the file is empty");
        }
        refuseDuplicateKeys(name, "", root);
        return new ConfigNode(name, "", root, root.getStartMark().getLine() + 1);
    }

    /** SnakeYAML checks duplicate keys only when constructing objects; we compose nodes, so check here. */
    private static void refuseDuplicateKeys(String file, String path, Node node) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    String field = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                    if (!seen.add(key.getValue())) {
                        throw new InvalidConfigException(file, key.getStartMark().getLine() + 1, field,
                                "duplicate key " + key.getValue() + "; each field may appear once");
                    }
                    refuseDuplicateKeys(file, field, tuple.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                refuseDuplicateKeys(file, path + "[" + i + "]", items.get(i));
            }
        }
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    /** True when the field this node stands for is absent (or explicitly null). */
    public boolean isMissing() {
        return node == null || (node instanceof ScalarNode && node.getTag().equals(Tag.NULL));
    }

    /** An error that points at this node. */
    public InvalidConfigException error(String problem) {
        return new InvalidConfigException(file, line, path, problem);
    }

    /** The named field of this mapping; a missing field gives a node for which {@link #isMissing()} is true. */
    public ConfigNode field(String name) {
        MappingNode mapping = asMapping();
        for (NodeTuple tuple : mapping.getValue()) {
            if (name.equals(keyOf(tuple))) {
                Node value = tuple.getValueNode();
                return new ConfigNode(file, child(name), value, value.getStartMark().getLine() + 1);
            }
        }
        return new ConfigNode(file, child(name), null, line);
    }

    /** The named field, which must be present. */
    public ConfigNode required(String name) {
        ConfigNode field = field(name);
        if (field.isMissing()) {
            throw new InvalidConfigException(file, line, child(name), "is required");
        }
        return field;
    }

    /** Refuses any field not in {@code allowed}, naming the unknown one and listing the known ones. */
    public ConfigNode allowOnly(String... allowed) {
        Set<String> known = new LinkedHashSet<>(Arrays.asList(allowed));
        for (NodeTuple tuple : asMapping().getValue()) {
            String key = keyOf(tuple);
            if (!known.contains(key)) {
                int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
                throw new InvalidConfigException(file, keyLine, child(key),
                        "unknown field; the known fields here are " + String.join(", ", known));
            }
        }
        return this;
    }

    /** The keys and values of this mapping, in file order. */
    public Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : asMapping().getValue()) {
            String key = keyOf(tuple);
            Node value = tuple.getValueNode();
            entries.put(key, new ConfigNode(file, child(key), value, value.getStartMark().getLine() + 1));
        }
        return entries;
    }

    /** The items of this sequence; a missing node is an empty list. */
    public List<ConfigNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("must be a list (write it as [a, b] or one '- item' per line)");
        }
        List<ConfigNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            Node value = values.get(i);
            items.add(new ConfigNode(file, path + "[" + i + "]", value, value.getStartMark().getLine() + 1));
        }
        return Collections.unmodifiableList(items);
    }

    /** The items of a scalar list, or a single scalar as a one-item list (so {@code regions: West} works). */
    public List<String> strings() {
        if (isMissing()) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(string());
        }
        List<String> values = new ArrayList<>();
        for (ConfigNode item : items()) {
            values.add(item.string());
        }
        return List.copyOf(values);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The scalar text of this node; must be present and not blank. */
    public String string() {
        if (isMissing()) {
            throw error("is required");
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error("must be a single value, not a list or a mapping");
        }
        String value = scalar.getValue().strip();
        if (value.isEmpty()) {
            throw error("must not be empty");
        }
        return value;
    }

    public Optional<String> optionalString() {
        return isMissing() ? Optional.empty() : Optional.of(string());
    }

    public double number() {
        String text = string();
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw error("'" + text + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a number");
        }
    }

    public long integer() {
        String text = string();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a whole number");
        }
    }

    public boolean bool() {
        String text = string().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("'" + text + "' is not true or false");
        };
    }

    public LocalDate date() {
        String text = string();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error("'" + text + "' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-31");
        }
    }

    private MappingNode asMapping() {
        if (!(node instanceof MappingNode mapping)) {
            throw error(isMissing() ? "is required" : "must be a mapping of 'field: value' lines");
        }
        return mapping;
    }

    private String keyOf(NodeTuple tuple) {
        Node key = tuple.getKeyNode();
        if (!(key instanceof ScalarNode scalar)) {
            throw new InvalidConfigException(file, key.getStartMark().getLine() + 1, path,
                    "field names must be plain text");
        }
        return scalar.getValue();
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
