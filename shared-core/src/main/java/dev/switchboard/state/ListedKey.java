package dev.switchboard.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A virtual key as the admin's list shows it: the record, and when it was revoked (null while it works).
 * A revoked key stays listed, so that the admin can tell which keys were ended and when.
 */
public record ListedKey(VirtualKey key, Instant revokedAt) {

    public ListedKey {
        Objects.requireNonNull(key, "key");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
