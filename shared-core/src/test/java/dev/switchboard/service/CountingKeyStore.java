package dev.switchboard.service;

import dev.switchboard.state.KeyPage;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.VirtualKey;
import dev.switchboard.state.VirtualKeyStore;
import dev.switchboard.state.memory.InMemoryVirtualKeyStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** An in-memory key store that records what it was given and asked, and can be made to fail. */
final class CountingKeyStore implements VirtualKeyStore {

    private final InMemoryVirtualKeyStore keys = new InMemoryVirtualKeyStore();
    final List<String> createdHashes = new ArrayList<>();
    final List<VirtualKey> createdKeys = new ArrayList<>();
    int lookups;
    boolean down;
    /** The next revocation lands, then its answer is lost. */
    boolean revokeThenFail;

    @Override
    public void create(String keyHash, VirtualKey key) {
        if (down) {
            throw new StateUnavailableException("storing a virtual key in DynamoDB failed", null);
        }
        createdHashes.add(keyHash);
        createdKeys.add(key);
        keys.create(keyHash, key);
    }

    @Override
    public Optional<VirtualKey> findByHash(String keyHash) {
        lookups++;
        if (down) {
            throw new StateUnavailableException("reading a virtual key from DynamoDB failed", null);
        }
        return keys.findByHash(keyHash);
    }

    @Override
    public KeyPage list(String afterId, int limit, String user) {
        if (down) {
            throw new StateUnavailableException("listing virtual keys in DynamoDB failed", null);
        }
        return keys.list(afterId, limit, user);
    }

    @Override
    public Optional<ListedKey> revoke(String keyId, Instant at) {
        if (down) {
            throw new StateUnavailableException("revoking a virtual key in DynamoDB failed", null);
        }
        Optional<ListedKey> revoked = keys.revoke(keyId, at);
        if (revokeThenFail) {
            revokeThenFail = false;
            throw new StateUnavailableException("revoking a virtual key in DynamoDB got no answer", null);
        }
        return revoked;
    }

    @Override
    public Optional<ListedKey> update(String keyId, UnaryOperator<VirtualKey> change) {
        if (down) {
            throw new StateUnavailableException("changing a virtual key in DynamoDB failed", null);
        }
        return keys.update(keyId, change);
    }
}
