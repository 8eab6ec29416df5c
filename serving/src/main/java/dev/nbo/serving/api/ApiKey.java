package dev.nbo.serving.api;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured client of the API: a name for logs, the SHA-256 hex of its secret key, and its scopes.
 *
 * @param sha256 64 hex characters, as printed by {@link ApiKeyHash}
 */
public record ApiKey(String name, String sha256, Set<Scope> scopes) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name (used in logs), got '" + name + "'");
        }
        sha256 = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("API key '" + name + "': sha256 must be 64 hex characters (the "
                    + "SHA-256 of the key, see ApiKeyHash), got '" + sha256 + "'");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("API key '" + name + "' needs at least one scope of " + Scope.allLabels());
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    byte[] digest() {
        return HexFormat.of().parseHex(sha256);
    }

    public boolean allows(Scope scope) {
        return scopes.contains(scope);
    }
}
