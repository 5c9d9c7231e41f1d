package dev.switchboard.state.memory;

import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachePayload;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.ResponseCache;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One process's response cache, for unit tests and for measuring the gateway without DynamoDB; not
 * shared between instances, so never the default on Lambda. Entries are kept encoded, exactly as the
 * DynamoDB adapter stores them, and held to the same size limit (see {@link CachePayload}). At most
 * {@code maxEntries} are kept: storing one more evicts the one stored longest ago.
 */
public final class InMemoryResponseCache implements ResponseCache {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final CacheSettings settings;
    private final Clock clock;
    private final Map<CacheKey, Entry> entries;

    public InMemoryResponseCache(CacheSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_MAX_ENTRIES);
    }

    public InMemoryResponseCache(CacheSettings settings, Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the cache must hold at least one entry: " + maxEntries);
        }
        this.settings = settings;
        this.clock = clock;
        this.entries = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(entry.payload().decode());
    }

    @Override
    public boolean put(CacheKey key, CachedResponse response) {
        CachePayload payload = CachePayload.encode(response, settings);
        if (payload.size() > settings.maxItemBytes()) {
            return false;
        }
        Entry entry = new Entry(payload, clock.instant().plus(settings.ttl()));
        synchronized (entries) {
            // Removed first so that an overwritten entry counts as the newest, not by its first store.
            entries.remove(key);
            entries.put(key, entry);
        }
        return true;
    }

    /** How many entries are held, expired ones included until they are evicted. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private record Entry(CachePayload payload, Instant expiresAt) {
    }
}
