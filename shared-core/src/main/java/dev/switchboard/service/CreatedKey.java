package dev.switchboard.service;

import dev.switchboard.api.CreatedKeyResponse;
import dev.switchboard.api.KeyBudget;
import dev.switchboard.api.KeyLimits;
import dev.switchboard.state.BudgetCaps;
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
        BudgetCaps caps = BudgetCaps.orDefault(record.budget());
        return new CreatedKeyResponse(key, record.id(), record.user(), record.name(),
                new KeyBudget(caps.dailyUsd(), caps.monthlyUsd()),
                new KeyLimits(record.limits().requestsPerMinute(), record.limits().tokensPerMinute()),
                record.createdAt().toString());
    }

    /** Without the key, so that printing this never leaks it. */
    @Override
    public String toString() {
        return "CreatedKey[" + record + "]";
    }
}
