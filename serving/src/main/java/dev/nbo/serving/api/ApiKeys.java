package dev.nbo.serving.api;

import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The configured API keys, looked up by the key a client presents. */
public final class ApiKeys {
    private final List<ApiKey> keys;

    public ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ApiKey key : this.keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("API key name '" + key.name() + "' is used twice; names must be unique");
            }
            if (!hashes.add(key.sha256())) {
                throw new IllegalArgumentException("API key '" + key.name() + "' has the same sha256 as another key; "
                        + "give each client its own key");
            }
        }
    }

    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    public List<ApiKey> all() {
        return keys;
    }

    /**
     * The key whose hash matches the presented secret. Every configured key is compared, each in constant time, so
     * that neither the position of a match nor a shared prefix shows in the response time.
     */
    public Optional<ApiKey> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = ApiKeyHash.digest(presented);
        ApiKey found = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(digest, key.digest()) && found == null) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }
}
