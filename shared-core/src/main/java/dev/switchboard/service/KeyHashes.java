package dev.switchboard.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a presented key. A fast hash is the right one here: our keys carry 256 random bits,
 * so nobody can guess one by trying hashes, and a slow password hash (bcrypt, Argon2) would only add
 * milliseconds to every cache miss. Slow hashes exist for low-entropy secrets people choose.
 */
final class KeyHashes {

    private KeyHashes() {
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }
}
