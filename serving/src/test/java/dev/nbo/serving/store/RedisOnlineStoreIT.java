package dev.nbo.serving.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.id.CustomerId;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The store contract against a real redis-server (the binary shipped in the embedded-redis jar). */
class RedisOnlineStoreIT extends OnlineStoreContract {
    private static RedisServer server;
    private static int port;
    private static int prefixes;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    OnlineStore openStore() {
        // a prefix per test: the tests share one server, and prefixes are how environments share one in production
        return newStore("test" + prefixes++ + ":");
    }

    private static RedisOnlineStore newStore(String prefix) {
        return new RedisOnlineStore("127.0.0.1", port, prefix, 8);
    }

    @Test
    void storesWithDifferentPrefixesDoNotSeeEachOther() {
        try (OnlineStore other = newStore("other" + prefixes++ + ":")) {
            store.putCustomer(CustomerId.of("c1"), richRecord("c1"));
            store.advanceWatermark(5);

            assertThat(other.customer(CustomerId.of("c1"))).isEmpty();
            assertThat(other.customerCount()).isZero();
            assertThat(other.watermarkMicros()).isEmpty();
        }
    }
}
