package dev.nbo.serving.store;

import dev.nbo.models.config.ConfigNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code store:} section of the serving configuration.
 *
 * <pre>
 * store:
 *   type: embedded            # embedded (default) | redis
 *   path: nbo-work/online-store.mv   # embedded only
 *   redis: {host: localhost, port: 6379, prefix: "nbo:", pool_size: 16}   # redis only
 *   stale_after: 2d           # s, m, h or d; values older than this are flagged stale
 * </pre>
 *
 * @param path  the store file (embedded); null for Redis
 * @param redis the Redis connection (redis); null for embedded
 */
public record StoreConfig(Type type, Path path, Redis redis, Duration staleAfter) {
    public static final Path DEFAULT_PATH = Path.of("nbo-work", "online-store.mv");
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(2);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    /** Which backend holds the store. */
    public enum Type { EMBEDDED, REDIS }

    /** Where the Redis server is and how the store uses it. */
    public record Redis(String host, int port, String prefix, int poolSize) {
        public static final Redis DEFAULT = new Redis("localhost", 6379, "nbo:", 16);

        public Redis {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("Redis host must not be empty, got '" + host + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Redis port must be in 1..65535, got " + port);
            }
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("Redis key prefix must not be empty; use e.g. 'nbo:'");
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("Redis pool size must be at least 1, got " + poolSize);
            }
        }
    }

    public StoreConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (type == Type.EMBEDDED && path == null || type == Type.REDIS && redis == null) {
            throw new IllegalArgumentException("a " + type + " store needs " + (type == Type.EMBEDDED ? "a path"
                    : "Redis settings") + "; got path=" + path + ", redis=" + redis);
        }
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale_after must be positive, got " + staleAfter);
        }
    }

    /** An embedded store at {@code path} with the default maximum age. */
    public static StoreConfig embedded(Path path) {
        return new StoreConfig(Type.EMBEDDED, path, null, DEFAULT_STALE_AFTER);
    }

    /** Reads a {@code store:} section; a missing section gives the embedded defaults. */
    public static StoreConfig from(ConfigNode node) {
        if (node.isMissing()) {
            return embedded(DEFAULT_PATH);
        }
        node.allowOnly("type", "path", "redis", "stale_after");
        Type type = type(node.field("type"));
        Duration staleAfter = node.field("stale_after").isMissing() ? DEFAULT_STALE_AFTER
                : duration(node.field("stale_after"));
        if (type == Type.EMBEDDED) {
            if (!node.field("redis").isMissing()) {
                throw node.field("redis").error("is for type: redis; remove it or set type: redis");
            }
            Path path = node.field("path").optionalString().map(Path::of).orElse(DEFAULT_PATH);
            return new StoreConfig(type, path, null, staleAfter);
        }
        if (!node.field("path").isMissing()) {
            throw node.field("path").error("is for type: embedded; remove it or set type: embedded");
        }
        return new StoreConfig(type, null, redis(node.field("redis")), staleAfter);
    }

    /** Opens the configured store. */
    public OnlineStore open() {
        return switch (type) {
            case EMBEDDED -> EmbeddedOnlineStore.open(path);
            case REDIS -> new RedisOnlineStore(redis.host(), redis.port(), redis.prefix(), redis.poolSize());
        };
    }

    private static Type type(ConfigNode node) {
        if (node.isMissing()) {
            return Type.EMBEDDED;
        }
        String text = node.string();
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "embedded" -> Type.EMBEDDED;
            case "redis" -> Type.REDIS;
            default -> throw node.error("'" + text + "' is not a store type; write embedded or redis");
        };
    }

    private static Redis redis(ConfigNode node) {
        if (node.isMissing()) {
            return Redis.DEFAULT;
        }
        node.allowOnly("host", "port", "prefix", "pool_size");
        Redis d = Redis.DEFAULT;
        String host = node.field("host").optionalString().orElse(d.host());
        int port = (int) bounded(node.field("port"), d.port(), 1, 65535);
        ConfigNode prefixNode = node.field("prefix");
        String prefix = prefixNode.isMissing() ? d.prefix() : prefixNode.string();
        int poolSize = (int) bounded(node.field("pool_size"), d.poolSize(), 1, 1024);
        return new Redis(host, port, prefix, poolSize);
    }

    private static long bounded(ConfigNode node, long fallback, long min, long max) {
        if (node.isMissing()) {
            return fallback;
        }
        long value = node.integer();
        if (value < min || value > max) {
            throw node.error(value + " is out of range; write a whole number from " + min + " to " + max);
        }
        return value;
    }

    /** Durations as whole seconds, minutes, hours or days: 30s, 5m, 12h, 2d. */
    static Duration duration(ConfigNode node) {
        String text = node.string();
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw node.error("'" + text + "' is not a duration; write a positive whole number followed by s, m, h or"
                    + " d, e.g. 2d or 12h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
