package dev.nbo.experiments.assign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The documented assignment hash: u = the first 8 bytes of SHA-256(UTF-8(salt + ":" + customerId)), read as a
 * big-endian unsigned 64-bit integer, keeping its top 53 bits, divided by 2^53. u is uniform on [0, 1), the same on
 * every machine and every restart, and independent between salts; anyone can recompute it (docs/experiments.md shows
 * it in Python).
 */
public final class UnitHash {
    private static final double TWO_TO_53 = 0x1.0p53;

    private UnitHash() {
    }

    public static double of(String salt, String customerId) {
        byte[] digest = sha256().digest((salt + ":" + customerId).getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        return (bits >>> 11) / TWO_TO_53;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
