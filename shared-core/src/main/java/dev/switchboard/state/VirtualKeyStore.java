package dev.switchboard.state;

import java.util.Optional;

/**
 * Virtual keys by the SHA-256 hash of the key; the clear key never reaches a store. Both operations
 * are one round trip and throw {@link StateUnavailableException} when the store cannot be reached.
 */
public interface VirtualKeyStore {

    /**
     * Stores {@code key} under {@code keyHash}, never replacing a key already stored under that hash.
     *
     * @throws DuplicateKeyHashException when the hash is taken
     */
    void create(String keyHash, VirtualKey key);

    Optional<VirtualKey> findByHash(String keyHash);

    /** A key with the same hash exists; with 256-bit random keys this means a broken random source. */
    final class DuplicateKeyHashException extends RuntimeException {
        public DuplicateKeyHashException() {
            super("a virtual key with this hash already exists", null, false, false);
        }
    }
}
