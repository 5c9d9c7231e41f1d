package dev.switchboard.service;

import dev.switchboard.state.VirtualKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Virtual keys by hash, in process, so that a warm request makes no store call for its key. Known
 * keys are kept {@link #KNOWN_FOR}; unknown hashes {@link #UNKNOWN_FOR}, long enough to absorb a
 * client retrying a bad key, short enough that a key created elsewhere soon works. At most
 * {@code maxEntries}: when full, expired entries go first, then the unknown hashes, and an unknown hash finding the
 * cache still full of keys in use is not cached at all; only a key in use finding it so empties it (a flood of
 * distinct bad keys must not grow the heap, nor push out the keys in use, whose refill costs one read each).
 */
final class KeyCache {

    static final Duration KNOWN_FOR = Duration.ofSeconds(60);
    static final Duration UNKNOWN_FOR = Duration.ofSeconds(5);

    /** A cached answer: the key, or null when the hash is known to match none. */
    record Cached(VirtualKey key) {
    }

    private record Entry(Cached answer, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * Ids this process revoked, until a copy read before the revocation would have expired anyway: a lookup
     * that read the key just before the revocation must not cache it just after.
     */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    KeyCache(Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The answer cached for {@code hash}; empty when there is none or it expired. */
    Optional<Cached> get(String hash) {
        Entry entry = entries.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt()) || revokedHere(entry.answer().key())) {
            entries.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.answer());
    }

    /** Caches {@code key} for {@code hash} as of now; null caches "no such key". */
    void put(String hash, VirtualKey key) {
        put(hash, key, clock.instant());
    }

    /**
     * Caches what the store answered at {@code readAt}: the entry expires counted from the read, so that a
     * lookup slow to return keeps a key no longer than one that returned at once.
     */
    void put(String hash, VirtualKey key, Instant readAt) {
        Instant now = clock.instant();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()) || e.answer().key() == null);
            if (entries.size() >= maxEntries) {
                if (key == null) {
                    return;
                }
                entries.clear();
            }
        }
        entries.put(hash, new Entry(new Cached(key), readAt.plus(key != null ? KNOWN_FOR : UNKNOWN_FOR)));
    }

    /**
     * Drops what is cached for the key with this id, and keeps it out for {@link #KNOWN_FOR}, so that this
     * process asks the store again, which no longer has it.
     */
    void forget(String keyId) {
        Instant now = clock.instant();
        revoked.values().removeIf(until -> !now.isBefore(until));
        revoked.put(keyId, now.plus(KNOWN_FOR));
        drop(keyId);
    }

    /**
     * Drops what is cached for the key with this id, which was changed, so that this process reads it again (a
     * lookup under way may still cache the copy it read before the change, for {@link #KNOWN_FOR} at most).
     */
    void drop(String keyId) {
        entries.values().removeIf(e -> e.answer().key() != null && e.answer().key().id().equals(keyId));
    }

    private boolean revokedHere(VirtualKey key) {
        if (key == null || revoked.isEmpty()) {
            return false;
        }
        Instant until = revoked.get(key.id());
        return until != null && clock.instant().isBefore(until);
    }

    int size() {
        return entries.size();
    }
}
