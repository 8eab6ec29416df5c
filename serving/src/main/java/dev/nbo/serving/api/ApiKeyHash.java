package dev.nbo.serving.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 hex digest of an API key, which is all the config file stores: a leaked config does not leak keys.
 * A plain hash (no salt) is enough because keys are long random secrets, not passwords a person chose.
 *
 * <p>It needs only the JDK, so after a build {@code java -cp serving/target/classes dev.nbo.serving.api.ApiKeyHash}
 * reads the key from standard input (keeping it out of the shell history) and prints the hex for the config file;
 * {@code printf %s "$KEY" | sha256sum} gives the same hex.
 */
public final class ApiKeyHash {
    private ApiKeyHash() {
    }

    public static String of(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        return HexFormat.of().formatHex(digest(key));
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    public static void main(String[] args) throws IOException {
        String key = args.length > 0 ? args[0]
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (key == null || key.isBlank()) {
            System.err.println("usage: ApiKeyHash <key>  (or type the key on standard input)");
            System.exit(2);
        }
        System.out.println(of(key.strip()));
    }
}
