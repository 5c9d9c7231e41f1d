package dev.switchboard.state;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Virtual keys by the SHA-256 hash of the key; the clear key never reaches a store. Besides the key
 * itself a store keeps an entry per key id, so that the admin can list keys and revoke one by its id
 * without ever holding the key. Creation, lookup and listing a page are one round trip each; revoking
 * and changing a key are two (a change that races another takes two more each time it is applied again). Every operation throws {@link StateUnavailableException} when the store cannot be reached.
 */
public interface VirtualKeyStore {

    /**
     * Stores {@code key} under {@code keyHash} and lists it under its id, never replacing a key already
     * stored under that hash or id: both or neither are written.
     *
     * @throws DuplicateKeyHashException when the hash or the id is taken
     */
    void create(String keyHash, VirtualKey key);

    /** The working key with this hash; a revoked key is no longer found. */
    Optional<VirtualKey> findByHash(String keyHash);

    /**
     * Keys in id order, revoked ones included.
     *
     * @param afterId the previous page's {@link KeyPage#nextAfter()}, or null for the first page
     * @param limit   the most keys to return, at least 1
     * @param user    only this user's keys, or null for everyone's
     */
    KeyPage list(String afterId, int limit, String user);

    /**
     * Ends the key with this id: its hash no longer authenticates, and its entry records {@code at}. Revoking
     * a key already revoked changes nothing and returns it with its first revocation time.
     *
     * @return the key's entry, or empty when no key has this id
     */
    Optional<ListedKey> revoke(String keyId, Instant at);

    /**
     * Replaces the working key with this id by {@code change} of it (which keeps its id, user and creation time),
     * under the same hash, so that its holder keeps the key. Two changes at once both apply, one after the other: a
     * change may be applied to the key as the other left it. A revoked key is not changed.
     *
     * @return the key's entry as it is now (revoked and unchanged, or changed), or empty when no key has this id
     * @throws IllegalArgumentException when {@code change} alters the key's id, user or creation time
     */
    Optional<ListedKey> update(String keyId, UnaryOperator<VirtualKey> change);

    /** A key with the same hash or id exists; with random keys and ids this means a broken random source. */
    final class DuplicateKeyHashException extends RuntimeException {
        public DuplicateKeyHashException() {
            super("a virtual key with this hash or id already exists", null, false, false);
        }
    }
}
