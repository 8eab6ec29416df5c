package dev.nbo.models.registry;

import java.util.regex.Pattern;

/**
 * The rules for the names the registry turns into folders and files. Lower case only, so that a registry copied to a
 * case-insensitive filesystem (macOS, Windows, most object-store browsers) keeps every model and version apart; no
 * dot, so that a version can never be mistaken for {@code champion.json} or for a hidden staging folder.
 */
public final class RegistryNames {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private RegistryNames() {
    }

    public static String checkModel(String model) {
        return check("model name", model);
    }

    static String checkVersion(String version) {
        return check("version", version);
    }

    /** True for a valid model or version name; lets listings skip hidden and foreign entries. */
    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }

    /** A file of a model version: a plain name, never a path, and never the manifest, which holds the checksums. */
    static String checkFile(String name) {
        if (name == null || !FILE.matcher(name).matches()) {
            throw new IllegalArgumentException("file name '" + name + "' is not allowed in a model version: use a"
                    + " plain name of letters, digits, _ . - (no folders), e.g. model.onnx");
        }
        if (name.equals(RegistryLayout.MANIFEST)) {
            throw new IllegalArgumentException(RegistryLayout.MANIFEST + " is written by the registry itself (it holds"
                    + " the checksums of the other files); do not pass it as a model file");
        }
        return name;
    }

    private static String check(String kind, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " '" + value + "' is not valid: use 1 to 64 lower-case letters,"
                    + " digits, _ or -, starting with a letter or digit (e.g. propensity, 20261101-030000)");
        }
        return value;
    }
}
