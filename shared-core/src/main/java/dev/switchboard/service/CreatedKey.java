package dev.switchboard.service;

import dev.switchboard.api.CreatedKeyResponse;
import dev.switchboard.state.VirtualKey;

import java.util.Objects;

/**
 * A key just created: the clear key, which exists only here and in the one response that carries
 * it, and the stored record.
 */
public record CreatedKey(String key, VirtualKey record) {

    public CreatedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
    }

    public CreatedKeyResponse toResponse() {
        return new CreatedKeyResponse(key, record.id(), record.user(), record.name(), KeyViews.budget(record),
                KeyViews.limits(record), record.createdAt().toString(), KeyViews.time(record.expiresAt()),
                KeyViews.models(record));
    }

    /** Without the key, so that printing this never leaks it. */
    @Override
    public String toString() {
        return "CreatedKey[" + record + "]";
    }
}
