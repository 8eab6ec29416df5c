package dev.nbo.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.ConfigNode;
import dev.nbo.models.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static final String HASH = ApiKeyHash.of("test");

    private static ServerConfig parse(String yaml) {
        return ServerConfig.from(ConfigNode.parse("/etc/nbo/serving.yaml", yaml));
    }

    @Test
    void missingSectionsGiveTheDefaults() {
        ServerConfig config = parse("model: champion\n");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(config.tls()).isEmpty();
        assertThat(config.apiKeys().all()).isEmpty();
    }

    @Test
    void readsEveryField() {
        ServerConfig config = parse("""
                server:
                  host: 127.0.0.1
                  port: 8443
                  max_body_bytes: 1024
                  tls:
                    keystore: certs/nbo.p12
                    password: changeit
                security:
                  api_keys:
                    - name: esp
                      sha256: %s
                      scopes: [offers:read, events:write]
                    - name: ops
                      sha256: %s
                      scopes: admin
                """.formatted(HASH, ApiKeyHash.of("other")));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8443);
        assertThat(config.maxBodyBytes()).isEqualTo(1024);
        assertThat(config.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.keystore()).isEqualTo(Path.of("/etc/nbo/certs/nbo.p12"));
            assertThat(tls.password()).isEqualTo("changeit");
            assertThat(tls.toString()).doesNotContain("changeit");
        });
        assertThat(config.apiKeys().match("test")).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("esp");
            assertThat(key.scopes()).isEqualTo(Set.of(Scope.OFFERS_READ, Scope.EVENTS_WRITE));
        });
        assertThat(config.apiKeys().match("other")).map(ApiKey::scopes).hasValue(Set.of(Scope.ADMIN));
    }

    @Test
    void unknownServerFieldIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("server:\n  prot: 80\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("serving.yaml:2: server.prot: unknown field")
                .hasMessageContaining("host, port, max_body_bytes, tls");
    }

    @Test
    void portOutOfRangeNamesTheField() {
        assertThatThrownBy(() -> parse("server:\n  port: 70000\n"))
                .hasMessageContaining("server.port: '70000' is not a port");
    }

    @Test
    void nonPositiveBodyLimitNamesTheField() {
        assertThatThrownBy(() -> parse("server:\n  max_body_bytes: 0\n"))
                .hasMessageContaining("server.max_body_bytes: '0' must be a positive number of bytes");
    }

    @Test
    void plainKeyInPlaceOfItsHashIsRefusedWithHowToHash() {
        assertThatThrownBy(() -> parse("security:\n  api_keys:\n    - name: esp\n      sha256: hunter2\n"
                + "      scopes: [admin]\n"))
                .hasMessageContaining("security.api_keys[0].sha256: 'hunter2' is not a SHA-256 hex digest")
                .hasMessageContaining("sha256sum");
    }

    @Test
    void unknownScopeNamesTheFieldAndTheKnownScopes() {
        assertThatThrownBy(() -> parse("security:\n  api_keys:\n    - name: esp\n      sha256: " + HASH
                + "\n      scopes: [offers:write]\n"))
                .hasMessageContaining("security.api_keys[0].scopes: unknown scope 'offers:write'")
                .hasMessageContaining("offers:read, events:write, admin");
    }

    @Test
    void keyWithoutScopesIsRefused() {
        assertThatThrownBy(() -> parse("security:\n  api_keys:\n    - name: esp\n      sha256: " + HASH + "\n"))
                .hasMessageContaining("security.api_keys[0].scopes: is required");
    }

    @Test
    void duplicateKeyNamesAreRefused() {
        assertThatThrownBy(() -> parse("security:\n  api_keys:\n"
                + "    - {name: esp, sha256: " + HASH + ", scopes: admin}\n"
                + "    - {name: esp, sha256: " + ApiKeyHash.of("x") + ", scopes: admin}\n"))
                .hasMessageContaining("security.api_keys: API key name 'esp' is used twice");
    }

    @Test
    void tlsNeedsExactlyOnePasswordSource() {
        assertThatThrownBy(() -> parse("server:\n  tls:\n    keystore: a.p12\n"))
                .hasMessageContaining("server.tls: give exactly one of password or password_env");
        assertThatThrownBy(() -> parse("server:\n  tls:\n    keystore: a.p12\n    password: x\n    password_env: Y\n"))
                .hasMessageContaining("give exactly one of password or password_env");
    }

    @Test
    void tlsPasswordFromAnUnsetVariableNamesTheVariable() {
        assertThatThrownBy(() -> parse("server:\n  tls:\n    keystore: a.p12\n    password_env: NBO_TEST_UNSET_VARIABLE\n"))
                .hasMessageContaining("server.tls.password_env: environment variable NBO_TEST_UNSET_VARIABLE is not set");
    }
}
