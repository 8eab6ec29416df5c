package dev.nbo.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void hashIsTheSha256HexOfTheKey() {
        // printf %s test | sha256sum
        assertThat(ApiKeyHash.of("test")).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void matchFindsTheKeyByItsSecret() {
        ApiKeys keys = SampleApi.keys();
        assertThat(keys.match(SampleApi.WRITER_KEY)).map(ApiKey::name).hasValue("writer");
        assertThat(keys.match("writer-secret-012345678")).isEmpty();
        assertThat(keys.match("")).isEmpty();
        assertThat(keys.match(null)).isEmpty();
    }

    @Test
    void uppercaseHexIsAccepted() {
        ApiKey key = new ApiKey("esp", ApiKeyHash.of("k").toUpperCase(), Set.of(Scope.OFFERS_READ));
        assertThat(new ApiKeys(List.of(key)).match("k")).hasValue(key);
    }

    @Test
    void plainKeyInPlaceOfTheHashIsRefused() {
        assertThatThrownBy(() -> new ApiKey("esp", "my-secret-key", Set.of(Scope.ADMIN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex characters").hasMessageContaining("'my-secret-key'");
    }

    @Test
    void keyWithoutScopesIsRefused() {
        assertThatThrownBy(() -> new ApiKey("esp", ApiKeyHash.of("k"), Set.of()))
                .hasMessageContaining("offers:read, events:write, admin");
    }

    @Test
    void twoKeysWithOneNameOrOneSecretAreRefused() {
        ApiKey one = new ApiKey("esp", ApiKeyHash.of("a"), Set.of(Scope.ADMIN));
        assertThatThrownBy(() -> new ApiKeys(List.of(one, new ApiKey("esp", ApiKeyHash.of("b"), Set.of(Scope.ADMIN)))))
                .hasMessageContaining("'esp' is used twice");
        assertThatThrownBy(() -> new ApiKeys(List.of(one, new ApiKey("crm", ApiKeyHash.of("a"), Set.of(Scope.ADMIN)))))
                .hasMessageContaining("same sha256");
    }

    @Test
    void unknownScopeLabelIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Scope.fromLabel("offers:write"))
                .hasMessage("unknown scope 'offers:write'; use one of offers:read, events:write, admin");
    }
}
