package dev.nbo.serving.api;

import dev.nbo.models.config.ConfigNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how the API listens, and who may call it: the {@code server:} and {@code security:} sections of the
 * serving config.
 *
 * <pre>
 * server:
 *   host: 0.0.0.0          # default: all interfaces
 *   port: 7070             # default 7070; 0 picks a free port
 *   max_body_bytes: 5242880  # default 5 MiB; larger bodies get 413
 *   tls:                   # optional; HTTPS only when present
 *     keystore: certs/nbo.p12   # relative to the config file
 *     password_env: NBO_TLS_PASSWORD  # or password: ...
 * security:
 *   api_keys:
 *     - name: esp
 *       sha256: 9f86d081...   # ApiKeyHash of the secret, never the secret itself
 *       scopes: [offers:read, events:write]
 * </pre>
 */
public record ServerConfig(String host, int port, long maxBodyBytes, Optional<TlsConfig> tls, ApiKeys apiKeys) {
    public static final int DEFAULT_PORT = 7070;
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server.host must not be blank; use 0.0.0.0 for all interfaces");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("server.port must be within 0..65535 (0 = any free port), got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("server.max_body_bytes must be positive, got " + maxBodyBytes);
        }
        tls = tls == null ? Optional.empty() : tls;
        apiKeys = apiKeys == null ? ApiKeys.none() : apiKeys;
    }

    /** Defaults everywhere: all interfaces, port 7070, 5 MiB, plain HTTP, no keys. */
    public static ServerConfig defaults() {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, Optional.empty(), ApiKeys.none());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes, tls, apiKeys);
    }

    public ServerConfig withApiKeys(ApiKeys keys) {
        return new ServerConfig(host, port, maxBodyBytes, tls, keys);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(host, port, bytes, tls, apiKeys);
    }

    public ServerConfig withTls(TlsConfig newTls) {
        return new ServerConfig(host, port, maxBodyBytes, Optional.of(newTls), apiKeys);
    }

    /** Reads the {@code server:} and {@code security:} sections of a config root; both may be absent. */
    public static ServerConfig from(ConfigNode root) {
        ServerConfig defaults = defaults();
        String host = defaults.host();
        int port = defaults.port();
        long maxBody = defaults.maxBodyBytes();
        Optional<TlsConfig> tls = Optional.empty();
        ConfigNode server = root.field("server");
        if (!server.isMissing()) {
            server.allowOnly("host", "port", "max_body_bytes", "tls");
            host = server.field("host").optionalString().orElse(host);
            port = server.field("port").isMissing() ? port : port(server.field("port"));
            maxBody = server.field("max_body_bytes").isMissing() ? maxBody : positive(server.field("max_body_bytes"));
            ConfigNode tlsNode = server.field("tls");
            tls = tlsNode.isMissing() ? Optional.empty() : Optional.of(tls(tlsNode));
        }
        ConfigNode security = root.field("security");
        ApiKeys keys = ApiKeys.none();
        if (!security.isMissing()) {
            security.allowOnly("api_keys");
            keys = apiKeys(security.field("api_keys"));
        }
        return new ServerConfig(host, port, maxBody, tls, keys);
    }

    private static int port(ConfigNode node) {
        long value = node.integer();
        if (value < 0 || value > 65535) {
            throw node.error("'" + value + "' is not a port; use 1..65535, or 0 for any free port");
        }
        return (int) value;
    }

    private static long positive(ConfigNode node) {
        long value = node.integer();
        if (value < 1) {
            throw node.error("'" + value + "' must be a positive number of bytes, e.g. 5242880 for 5 MiB");
        }
        return value;
    }

    private static TlsConfig tls(ConfigNode node) {
        node.allowOnly("keystore", "password", "password_env");
        Path keystore = Path.of(node.required("keystore").string());
        if (!keystore.isAbsolute()) {
            Path dir = Path.of(node.file()).toAbsolutePath().getParent();
            keystore = dir == null ? keystore : dir.resolve(keystore);
        }
        ConfigNode password = node.field("password");
        ConfigNode passwordEnv = node.field("password_env");
        if (password.isMissing() == passwordEnv.isMissing()) {
            throw node.error("give exactly one of password or password_env (the name of an environment variable "
                    + "holding the keystore password)");
        }
        String secret;
        if (password.isMissing()) {
            String variable = passwordEnv.string();
            secret = System.getenv(variable);
            if (secret == null || secret.isEmpty()) {
                throw passwordEnv.error("environment variable " + variable + " is not set; export it before starting");
            }
        } else {
            secret = password.string();
        }
        return new TlsConfig(keystore, secret);
    }

    private static ApiKeys apiKeys(ConfigNode list) {
        List<ApiKey> keys = new ArrayList<>();
        for (ConfigNode item : list.items()) {
            item.allowOnly("name", "sha256", "scopes");
            String name = item.required("name").string();
            ConfigNode sha = item.required("sha256");
            if (!sha.string().toLowerCase(java.util.Locale.ROOT).matches("[0-9a-f]{64}")) {
                throw sha.error("'" + sha.string() + "' is not a SHA-256 hex digest (64 hex characters); hash the key "
                        + "with ApiKeyHash or: printf %s \"$KEY\" | sha256sum");
            }
            ConfigNode scopesNode = item.required("scopes");
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String label : scopesNode.strings()) {
                try {
                    scopes.add(Scope.fromLabel(label));
                } catch (IllegalArgumentException e) {
                    throw scopesNode.error(e.getMessage());
                }
            }
            if (scopes.isEmpty()) {
                throw scopesNode.error("needs at least one of " + Scope.allLabels());
            }
            keys.add(new ApiKey(name, sha.string(), scopes));
        }
        try {
            return new ApiKeys(keys);
        } catch (IllegalArgumentException e) {
            throw list.error(e.getMessage());
        }
    }
}
