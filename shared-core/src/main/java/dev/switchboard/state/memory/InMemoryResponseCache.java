package dev.switchboard.state.memory;

import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachePayload;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.ResponseCache;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * One process's response cache, for unit tests and for measuring the gateway without DynamoDB; not
 * shared between instances, so never the default on Lambda. Entries are kept encoded, exactly as the
 * DynamoDB adapter stores them, and held to the same size limit (see {@link CachePayload}). At most
 * {@code maxEntries} are kept, of {@code maxBytes} encoded in all (an entry may be some 350 KB, so the count alone
 * would let 10,000 of them take gigabytes): storing one more evicts those stored longest ago.
 */
public final class InMemoryResponseCache implements ResponseCache {

    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final CacheSettings settings;
    private final Clock clock;
    private final int maxEntries;
    private final long maxBytes;
    /** In the order stored, the oldest first; guarded by itself, as is {@link #bytes}. */
    private final LinkedHashMap<CacheKey, Entry> entries = new LinkedHashMap<>();
    private long bytes;

    public InMemoryResponseCache(CacheSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES);
    }

    public InMemoryResponseCache(CacheSettings settings, Clock clock, int maxEntries) {
        this(settings, clock, maxEntries, DEFAULT_MAX_BYTES);
    }

    public InMemoryResponseCache(CacheSettings settings, Clock clock, int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the cache must hold at least one entry and one byte: " + maxEntries
                    + ", " + maxBytes);
        }
        this.settings = settings;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
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
        if (payload.size() > maxBytes) {
            return false;
        }
        Entry entry = new Entry(payload, clock.instant().plus(settings.ttl()));
        synchronized (entries) {
            // Removed first so that an overwritten entry counts as the newest, not by its first store.
            forget(entries.remove(key));
            entries.put(key, entry);
            bytes += payload.size();
            Iterator<Entry> oldestFirst = entries.values().iterator();
            while (entries.size() > maxEntries || bytes > maxBytes) {
                forget(oldestFirst.next());
                oldestFirst.remove();
            }
        }
        return true;
    }

    private void forget(Entry removed) {
        if (removed != null) {
            bytes -= removed.payload().size();
        }
    }

    /** The encoded bytes held, expired entries included until they are evicted. */
    public long bytes() {
        synchronized (entries) {
            return bytes;
        }
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
