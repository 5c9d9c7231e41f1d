package dev.switchboard.state.memory;

import dev.switchboard.state.KeyPage;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** One process's virtual keys, for unit tests and overhead measurements; never shared, never the default. */
public final class InMemoryVirtualKeyStore implements VirtualKeyStore {

    /** A key's entry by id, with the hash it was stored under. */
    private record Entry(String hash, ListedKey listed) {
    }

    private final Map<String, VirtualKey> byHash = new HashMap<>();
    private final NavigableMap<String, Entry> byId = new TreeMap<>();

    @Override
    public synchronized void create(String keyHash, VirtualKey key) {
        if (byHash.containsKey(keyHash) || byId.containsKey(key.id())) {
            throw new DuplicateKeyHashException();
        }
        byHash.put(keyHash, key);
        byId.put(key.id(), new Entry(keyHash, new ListedKey(key, null)));
    }

    @Override
    public synchronized Optional<VirtualKey> findByHash(String keyHash) {
        return Optional.ofNullable(byHash.get(keyHash));
    }

    @Override
    public synchronized KeyPage list(String afterId, int limit, String user) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<ListedKey> page = new ArrayList<>();
        Map<String, Entry> rest = afterId == null ? byId : byId.tailMap(afterId, false);
        for (Entry entry : rest.values()) {
            if (user != null && !user.equals(entry.listed().key().user())) {
                continue;
            }
            if (page.size() == limit) {
                return new KeyPage(page, page.get(limit - 1).key().id());
            }
            page.add(entry.listed());
        }
        return new KeyPage(page, null);
    }

    @Override
    public synchronized Optional<ListedKey> revoke(String keyId, Instant at) {
        Entry entry = byId.get(keyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.listed().revoked()) {
            byHash.remove(entry.hash());
            byId.put(keyId, new Entry(entry.hash(), new ListedKey(entry.listed().key(), at)));
        }
        return Optional.of(byId.get(keyId).listed());
    }

    @Override
    public synchronized Optional<ListedKey> update(String keyId, UnaryOperator<VirtualKey> change) {
        Entry entry = byId.get(keyId);
        if (entry == null || entry.listed().revoked()) {
            return entry == null ? Optional.empty() : Optional.of(entry.listed());
        }
        VirtualKey changed = entry.listed().key().requireSameKey(change.apply(entry.listed().key()));
        byHash.put(entry.hash(), changed);
        byId.put(keyId, new Entry(entry.hash(), new ListedKey(changed, null)));
        return Optional.of(byId.get(keyId).listed());
    }
}
