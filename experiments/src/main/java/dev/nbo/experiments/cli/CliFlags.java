package dev.nbo.experiments.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --name value} (or {@code --name=value}) flags of one command, checked against the flags it knows.
 * {@code --help} is recognised everywhere and takes no value.
 */
final class CliFlags {
    private final String command;
    private final Map<String, String> values;
    private final boolean help;

    private CliFlags(String command, Map<String, String> values, boolean help) {
        this.command = command;
        this.values = values;
        this.help = help;
    }

    static CliFlags parse(String command, String[] args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + arg + "' (flags start with --)");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException(command + ": flag --" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new UsageException(command + ": unknown flag --" + name + "; known flags: --"
                        + String.join(", --", known));
            }
            if (values.put(name, value) != null) {
                throw new UsageException(command + ": flag --" + name + " given twice");
            }
        }
        return new CliFlags(command, values, help);
    }

    boolean help() {
        return help;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(command + ": missing required flag --" + name);
        }
        return value;
    }

    String optional(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(command + ": --" + name + " must be a number, got '" + value + "'");
    }

    long whole(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got '" + value + "'");
        }
    }
}
