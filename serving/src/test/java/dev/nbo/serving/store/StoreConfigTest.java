package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {
    @TempDir
    Path tmp;

    private static StoreConfig parse(String yaml) {
        return StoreConfig.from(ConfigNode.parse("serving.yaml", yaml).field("store"));
    }

    private static void assertRefused(String yaml, String field, String problem) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("serving.yaml:")
                .hasMessageContaining(problem)
                .extracting(e -> ((InvalidConfigException) e).field()).isEqualTo(field);
    }

    @Test
    void noStoreSectionMeansTheEmbeddedStoreWithDefaults() {
        StoreConfig config = parse("other: 1\n");

        assertThat(config).isEqualTo(new StoreConfig(StoreConfig.Type.EMBEDDED, StoreConfig.DEFAULT_PATH, null,
                Duration.ofDays(2)));
    }

    @Test
    void readsAnEmbeddedStore() {
        StoreConfig config = parse("store:\n  type: embedded\n  path: /data/online.mv\n  stale_after: 12h\n");

        assertThat(config).isEqualTo(new StoreConfig(StoreConfig.Type.EMBEDDED, Path.of("/data/online.mv"), null,
                Duration.ofHours(12)));
    }

    @Test
    void readsARedisStoreWithEveryField() {
        StoreConfig config = parse("""
                store:
                  type: redis
                  redis: {host: redis.internal, port: 6380, prefix: "prod:", pool_size: 32}
                  stale_after: 30m
                """);

        assertThat(config).isEqualTo(new StoreConfig(StoreConfig.Type.REDIS, null,
                new StoreConfig.Redis("redis.internal", 6380, "prod:", 32), Duration.ofMinutes(30)));
    }

    @Test
    void aRedisStoreWithoutSettingsUsesTheLocalDefaults() {
        assertThat(parse("store: {type: redis}\n").redis()).isEqualTo(StoreConfig.Redis.DEFAULT);
    }

    @Test
    void refusesAnUnknownType() {
        assertRefused("store: {type: mongo}\n", "store.type", "'mongo' is not a store type; write embedded or redis");
    }

    @Test
    void refusesADurationWithoutUnit() {
        assertRefused("store: {stale_after: 2}\n", "store.stale_after", "'2' is not a duration");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertRefused("store: {type: redis, redis: {port: 70000}}\n", "store.redis.port", "70000 is out of range");
    }

    @Test
    void refusesAPoolSizeThatIsNotANumber() {
        assertRefused("store: {type: redis, redis: {pool_size: many}}\n", "store.redis.pool_size",
                "'many' is not a whole number");
    }

    @Test
    void refusesAMisspelledField() {
        assertRefused("store: {type: redis, redis: {hots: x}}\n", "store.redis.hots", "unknown field");
    }

    @Test
    void refusesSettingsOfTheOtherBackend() {
        assertRefused("store: {type: embedded, redis: {host: x}}\n", "store.redis", "is for type: redis");
        assertRefused("store: {type: redis, path: x.mv}\n", "store.path", "is for type: embedded");
    }

    @Test
    void opensTheConfiguredEmbeddedStore() {
        Path file = tmp.resolve("sub/online.mv");
        try (OnlineStore store = StoreConfig.embedded(file).open()) {
            assertThat(store).isInstanceOf(EmbeddedOnlineStore.class);
            assertThat(store.customerCount()).isZero();
        }
        assertThat(Files.isRegularFile(file)).isTrue();
    }
}
