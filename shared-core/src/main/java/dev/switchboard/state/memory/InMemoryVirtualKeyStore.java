package dev.switchboard.state.memory;

import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One process's virtual keys, for unit tests and overhead measurements; never shared, never the default. */
public final class InMemoryVirtualKeyStore implements VirtualKeyStore {

    private final Map<String, VirtualKey> keys = new ConcurrentHashMap<>();

    @Override
    public void create(String keyHash, VirtualKey key) {
        if (keys.putIfAbsent(keyHash, key) != null) {
            throw new DuplicateKeyHashException();
        }
    }

    @Override
    public Optional<VirtualKey> findByHash(String keyHash) {
        return Optional.ofNullable(keys.get(keyHash));
    }
}
