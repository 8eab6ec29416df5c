package dev.nbo.serving.api;

import java.nio.file.Path;

/**
 * HTTPS for the API: a PKCS12 (or JKS) keystore holding the server certificate and its private key.
 *
 * @param password the keystore password, also used for the key inside it (as {@code keytool -genkeypair} makes it)
 */
public record TlsConfig(Path keystore, String password) {
    public TlsConfig {
        if (keystore == null) {
            throw new IllegalArgumentException("tls needs a keystore path");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("tls keystore " + keystore + " needs a password");
        }
    }

    @Override
    public String toString() {
        // The password must never reach a log line through a config dump.
        return "TlsConfig[keystore=" + keystore + ", password=***]";
    }
}
